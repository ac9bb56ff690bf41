package org.openaims.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * An API token as listed: name, the first characters of the secret to recognize it, dates, owner;
 * never the secret.
 */
public record ApiTokenView(UUID id, String username, String name, String prefix, Instant createdAt,
		Instant expiresAt, Instant lastUsedAt, Instant revokedAt, boolean active) {
}
