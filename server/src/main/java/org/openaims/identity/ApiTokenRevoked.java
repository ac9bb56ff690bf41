package org.openaims.identity;

import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** An API token was revoked and no longer authenticates. */
public record ApiTokenRevoked(UUID tokenId, String username, String name, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of("api-token", tokenId);
	}
}
