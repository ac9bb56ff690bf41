package org.openaims.risk;

import java.util.UUID;

import org.openaims.approvals.ReviewType;
import org.openaims.common.RecordId;

/** The id of a risk; also the reviewable type of its residual-risk acceptance (6.1.3 e, 8.3). */
public record RiskId(UUID value) implements RecordId {

	public static final ReviewType<RiskId> ACCEPTANCE = ReviewType.of("risk-acceptance", "RiskAcceptance", RiskId.class)
		.recordedAs(RiskService.SUBJECT);
}
