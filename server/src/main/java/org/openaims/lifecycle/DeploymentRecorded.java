package org.openaims.lifecycle;

import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** A deployment or rollback was recorded, with the gate decision it relied on and that decision's verdict (or none). */
public record DeploymentRecorded(UUID deploymentId, UUID aiSystemId, String version, String environment, DeploymentKind kind, UUID changeId,
		UUID gateDecisionId, GateVerdict gateVerdict, UUID rollbackOf, String note, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of(DeploymentService.SUBJECT, deploymentId);
	}
}
