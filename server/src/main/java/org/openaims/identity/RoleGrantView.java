package org.openaims.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A grant of an approving role as administrators and the approvals see it, with the roles the user holds now. */
public record RoleGrantView(UUID id, UUID userId, String username, String displayName, Role role, RoleGrantStatus status,
		String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt, String reason, Set<Role> rolesHeld) {
}
