package org.openaims.risk;

import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** A risk must be reassessed, e.g. because a new version of its AI system was registered (8.2). */
public record RiskFlagged(UUID riskId, String ref, String reason, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of(RiskService.SUBJECT, riskId);
	}
}
