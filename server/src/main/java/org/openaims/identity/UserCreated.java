package org.openaims.identity;

import java.util.Set;
import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** A user account was created. */
public record UserCreated(UUID userId, String username, Set<Role> roles, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of("user", username);
	}
}
