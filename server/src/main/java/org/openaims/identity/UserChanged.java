package org.openaims.identity;

import java.util.Map;
import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;
import org.openaims.common.FieldChange;

/** A user's name, e-mail, roles or enabled flag changed; the password never appears here. */
public record UserChanged(UUID userId, String username, Map<String, FieldChange> changes, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of("user", username);
	}
}
