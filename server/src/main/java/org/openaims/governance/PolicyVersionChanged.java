package org.openaims.governance;

import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** A policy version was drafted, edited, submitted, approved, rejected, published or retired; event says which. */
public record PolicyVersionChanged(UUID policyId, int versionNo, PolicyStatus status, String event, String changeSummary, String bodyDigest, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of("policy", policyId);
	}
}
