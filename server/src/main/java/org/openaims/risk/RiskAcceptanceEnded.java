package org.openaims.risk;

import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** A request to accept the residual risk was rejected or withdrawn, or an acceptance became void because the risk changed. */
public record RiskAcceptanceEnded(UUID riskId, String ref, String reason, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of(RiskService.SUBJECT, riskId);
	}
}
