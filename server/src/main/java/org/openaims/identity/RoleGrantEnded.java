package org.openaims.identity;

import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/**
 * A grant of an approving role was decided or ended: granted (with who asked and who approved, or
 * directly in single-admin mode), refused, withdrawn or void. In the user's history.
 */
public record RoleGrantEnded(UUID grantId, UUID userId, String username, Role role, RoleGrantStatus status, String requestedBy,
		String reason, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of("user", username);
	}
}
