package org.openaims.risk;

import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** A risk was entered in the register (6.1.2, 8.2). */
public record RiskIdentified(UUID riskId, String ref, String title, UUID aiSystemId, String category, String owner, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of(RiskService.SUBJECT, riskId);
	}
}
