package org.openaims.risk;

import java.util.UUID;

import org.openaims.approvals.ReviewType;
import org.openaims.common.RecordId;

/** The id of an AI system impact assessment; also the reviewable type of assessments. */
public record ImpactAssessmentId(UUID value) implements RecordId {

	public static final ReviewType<ImpactAssessmentId> REVIEW = ReviewType.of("impact-assessment", "ImpactAssessment",
			ImpactAssessmentId.class);
}
