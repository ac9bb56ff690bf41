package org.openaims.risk;

import java.util.Set;
import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;
import org.openaims.identity.Role;

/** Acceptance of the residual risk was asked for, from the roles allowed to accept its level (6.1.3). */
public record RiskAcceptanceRequested(UUID riskId, String ref, String level, Set<Role> acceptedBy, String rationale, Stamp stamp)
		implements Audited {

	@Override
	public Subject subject() {
		return Subject.of(RiskService.SUBJECT, riskId);
	}
}
