package org.openaims.governance;

import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** A user confirmed reading a published policy version (7.3). */
public record PolicyAcknowledged(UUID policyId, int versionNo, String username, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of("policy", policyId);
	}
}
