package org.openaims.risk;

import java.util.UUID;

import org.openaims.approvals.ReviewType;
import org.openaims.common.RecordId;

/** The id of a version of the risk criteria; also the reviewable type of versions (approved, they are in force). */
public record CriteriaVersionId(UUID value) implements RecordId {

	public static final ReviewType<CriteriaVersionId> REVIEW = ReviewType.of("risk-criteria", "RiskCriteriaVersion", CriteriaVersionId.class);
}
