package org.openaims.risk;

import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** The residual risk was accepted through an approval by a role allowed for its level (6.1.3). */
public record RiskAccepted(UUID riskId, String ref, String level, String acceptedBy, String rationale, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of(RiskService.SUBJECT, riskId);
	}
}
