package org.openaims.governance;

import java.util.Map;
import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.FieldChange;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** A policy's settings changed. */
public record PolicyChanged(UUID policyId, String title, Map<String, FieldChange> changes, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of("policy", policyId);
	}
}
