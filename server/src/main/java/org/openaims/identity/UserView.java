package org.openaims.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A user as other modules and clients see it (never the password hash): the roles they hold, and
 * the approving roles granted to them that wait for a second administrator's approval.
 */
public record UserView(UUID id, String username, String displayName, String email, Set<Role> roles,
		boolean enabled, Instant createdAt, Instant updatedAt, long version, Set<Role> pendingRoles) {

	public UserView(UUID id, String username, String displayName, String email, Set<Role> roles, boolean enabled, Instant createdAt,
			Instant updatedAt, long version) {
		this(id, username, displayName, email, roles, enabled, createdAt, updatedAt, version, Set.of());
	}
}
