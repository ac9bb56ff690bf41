package org.openaims.risk;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openaims.approvals.ApprovalView;

/**
 * An impact assessment of one version of an AI system, with its impacts scored on the criteria
 * version it was made under. {@code stale} when the system got a new version or its intended use
 * changed since.
 */
public record ImpactAssessmentView(UUID id, UUID aiSystemId, String aiSystemName, String systemVersion, AssessmentStatus status,
		boolean stale, String staleReason, Instant staleSince, int criteriaVersionNo, String intendedUse, String foreseeableMisuse,
		String affectedGroups, String vulnerableGroups, List<String> reviewers, List<Impact> impacts, List<String> editors,
		Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, Instant approvedAt, ApprovalView approval,
		long version) {

	/** One assessed impact with its level on the criteria. */
	public record Impact(ImpactArea area, boolean societal, String description, int severity, String severityName, int likelihood,
			String likelihoodName, String level, String levelName, String mitigation) {
	}
}
