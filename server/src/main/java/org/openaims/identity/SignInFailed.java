package org.openaims.identity;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/**
 * A sign-in was refused: wrong password, unknown or disabled user, or an unknown, expired or revoked
 * API token. {@code username} is what was attempted (cut to 64 characters; "(api token)" for tokens).
 */
public record SignInFailed(String username, String method, String reason, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of("user", username);
	}
}
