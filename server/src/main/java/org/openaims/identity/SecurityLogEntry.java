package org.openaims.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the security log: what happened ({@code kind}), to or by whom ({@code subject}: the
 * attempted or acting username, "(api token)" for a bad token; none for anonymous reports), from
 * which address, and how often between {@code firstAt} and {@code lastAt}.
 */
public record SecurityLogEntry(UUID id, String kind, String subject, String client, String detail, int occurrences,
		Instant firstAt, Instant lastAt) {
}
