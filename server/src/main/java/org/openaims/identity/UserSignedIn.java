package org.openaims.identity;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** A user proved their password (browser sign-in or token exchange). */
public record UserSignedIn(String username, String method, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of("user", username);
	}
}
