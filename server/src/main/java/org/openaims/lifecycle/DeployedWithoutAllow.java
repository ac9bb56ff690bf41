package org.openaims.lifecycle;

import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/**
 * A version was deployed without a gate decision that allowed it (none given, or a {@code DENY}): a
 * nonconformity candidate, which the assurance module turns into one (10.2).
 */
public record DeployedWithoutAllow(UUID deploymentId, UUID aiSystemId, String version, String environment, UUID changeId, UUID gateDecisionId,
		GateVerdict gateVerdict, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of(DeploymentService.SUBJECT, deploymentId);
	}
}
