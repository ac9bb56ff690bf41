package org.openaims.risk;

import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** A risk was scored (inherent, target or residual) on a version of the risk criteria (6.1.2, 8.2). */
public record RiskAssessed(UUID riskId, String ref, ScoreKind kind, int criteriaVersionNo, int likelihood, int impact, String level, String note, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of(RiskService.SUBJECT, riskId);
	}
}
