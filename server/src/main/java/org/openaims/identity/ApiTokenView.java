package org.openaims.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An API token as listed: name, a fingerprint of its hash to recognize it, dates (the last use to the
 * day only), owner; never the secret nor any part of it.
 */
public record ApiTokenView(UUID id, String username, String name, String fingerprint, Instant createdAt,
		Instant expiresAt, LocalDate lastUsedOn, Instant revokedAt, boolean active) {
}
