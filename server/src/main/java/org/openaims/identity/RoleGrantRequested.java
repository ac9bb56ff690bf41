package org.openaims.identity;

import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** An administrator asked for an approving role to be granted; it waits for a second administrator. In the user's history. */
public record RoleGrantRequested(UUID grantId, UUID userId, String username, Role role, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of("user", username);
	}
}
