package org.openaims.governance;

import java.util.Map;
import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** A policy was created with its first draft. */
public record PolicyCreated(UUID policyId, String title, String owner, Map<String, Object> values, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of("policy", policyId);
	}
}
