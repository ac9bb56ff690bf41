package org.openaims.risk;

import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** An impact assessment was submitted, approved, sent back, or became stale (8.4). */
public record ImpactAssessmentStatusChanged(UUID assessmentId, UUID aiSystemId, AssessmentStatus status, boolean stale, String why,
		Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of(ImpactAssessmentService.SUBJECT, assessmentId);
	}
}
