package org.openaims.identity;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused because there were too many failed attempts for that name or from that address:
 * says when to try again, and nothing about whether the account exists.
 */
public class SignInThrottled extends AuthenticationException {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

	private final Instant retryAt;

	public SignInThrottled(Instant retryAt) {
		super(message(retryAt));
		this.retryAt = retryAt;
	}

	public Instant retryAt() {
		return retryAt;
	}

	/** Whole seconds until the next attempt is allowed (at least 1). */
	public long retryAfterSeconds() {
		return Math.max(1, Duration.between(Instant.now(), retryAt).toSeconds() + 1);
	}

	public static String message(Instant retryAt) {
		long seconds = Math.max(1, Duration.between(Instant.now(), retryAt).toSeconds() + 1);
		String wait = seconds < 120 ? seconds + " seconds" : (seconds + 59) / 60 + " minutes";
		return "too many failed sign-ins; try again after " + TIME.format(retryAt) + " (in " + wait + ")";
	}
}
