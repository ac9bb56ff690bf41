package org.openaims.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Identity settings ({@code aims.identity.*}).
 *
 * @param bootstrapAdminPassword password of the {@code admin} user created on first start; when
 * blank a random one is generated and written to the log once
 * @param bootstrapAdminToken when set on first start, also creates an admin API token with this value
 * @param httpBasic accept HTTP Basic on the API besides bearer tokens (off unless a deployment turns it on)
 * @param singleAdminMode for installations with one administrator: approving roles (ADMIN,
 * AIMS_MANAGER, APPROVER) are granted at once instead of after a second administrator's approval;
 * the dashboard says so to everyone
 */
@ConfigurationProperties("aims.identity")
public record IdentityProperties(String bootstrapAdminPassword, String bootstrapAdminToken, boolean httpBasic, boolean singleAdminMode) {
}
