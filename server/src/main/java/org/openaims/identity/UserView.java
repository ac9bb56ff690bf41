package org.openaims.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A user as other modules and clients see it (never the password hash). */
public record UserView(UUID id, String username, String displayName, String email, Set<Role> roles,
		boolean enabled, Instant createdAt, Instant updatedAt, long version) {
}
