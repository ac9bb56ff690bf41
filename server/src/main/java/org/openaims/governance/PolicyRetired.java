package org.openaims.governance;

import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** A policy was retired; none of its versions is in force any more. */
public record PolicyRetired(UUID policyId, String title, String reason, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of("policy", policyId);
	}
}
