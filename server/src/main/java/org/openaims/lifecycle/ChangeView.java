package org.openaims.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openaims.approvals.ReviewStatus;
import org.openaims.inventory.ChangeSignificance;

/**
 * A change ticket with its review status, linked test runs (summaries), rollback plan and the latest
 * gate decision on it.
 */
public record ChangeView(UUID id, UUID aiSystemId, String aiSystemName, String fromVersion, String toVersion, ChangeType type, String title,
		String description, ChangeSignificance significance, ChangeStatus status, List<TestRunRef> testRuns, RollbackPlan rollbackPlan,
		ReviewStatus reviewStatus, UUID approvalId, GateDecisionRef latestDecision, Instant openedAt, String openedBy,
		Instant updatedAt, String updatedBy, long version) {

	/** A linked run in a line. */
	public record TestRunRef(UUID id, String systemVersion, int tests, int failures, int errors, Instant createdAt) {
	}

	/** The newest gate decision on the change. */
	public record GateDecisionRef(UUID id, GateVerdict verdict, Instant decidedAt) {
	}
}
