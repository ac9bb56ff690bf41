package org.openaims.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the defences against guessing and flooding ({@code aims.security.*}).
 *
 * @param maxFailures failed sign-ins for one account name before it is locked
 * @param maxClientFailures failed sign-ins from one client address (any names) before it is locked
 * @param lockout how long a lockout lasts
 * @param window failures older than this are forgotten
 * @param logRetention how long the security log keeps entries
 * @param logBurst repeats of one event within this time are counted on one security log row
 */
@ConfigurationProperties("aims.security")
public record SecurityProperties(@DefaultValue("5") int maxFailures, @DefaultValue("20") int maxClientFailures,
		@DefaultValue("15m") Duration lockout, @DefaultValue("15m") Duration window, @DefaultValue("90d") Duration logRetention,
		@DefaultValue("5m") Duration logBurst) {
}
