package org.openaims.identity;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** A signed-in user was refused an action their roles or ownership do not allow. */
public record AccessRefused(String username, String method, String path, String reason, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of("user", username);
	}
}
