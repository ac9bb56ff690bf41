package org.openaims.identity;

import java.time.Instant;
import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** An API token was issued (its secret is never part of the event). */
public record ApiTokenCreated(UUID tokenId, String username, String name, Instant expiresAt, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of("api-token", tokenId);
	}
}
