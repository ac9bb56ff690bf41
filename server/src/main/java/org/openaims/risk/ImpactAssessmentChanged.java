package org.openaims.risk;

import java.util.Map;
import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.FieldChange;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** An impact assessment was started or its content changed (old and new value per field). */
public record ImpactAssessmentChanged(UUID assessmentId, UUID aiSystemId, String systemVersion, String what,
		Map<String, FieldChange> changes, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of(ImpactAssessmentService.SUBJECT, assessmentId);
	}
}
