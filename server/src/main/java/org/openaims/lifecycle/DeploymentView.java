package org.openaims.lifecycle;

import java.time.Instant;
import java.util.UUID;

/**
 * A recorded deployment or rollback: which version went into which environment when, the change and
 * the gate decision it relied on (and that decision's verdict: a deployment without an {@code ALLOW}
 * is recorded all the same, and flagged), for a rollback the deployment it undid.
 */
public record DeploymentView(UUID id, UUID aiSystemId, String aiSystemName, String version, String environment, DeploymentKind kind,
		UUID changeId, UUID gateDecisionId, GateVerdict gateVerdict, boolean withoutAllow, UUID rollbackOf, String note, Instant deployedAt,
		Instant recordedAt, String recordedBy) {
}
