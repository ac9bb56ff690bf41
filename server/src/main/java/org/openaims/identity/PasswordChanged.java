package org.openaims.identity;

import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** A user's password was set, by the user or by an administrator. */
public record PasswordChanged(UUID userId, String username, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of("user", username);
	}
}
