package org.openaims.risk;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openaims.approvals.ApprovalView;

/** A version of the risk criteria with its status and latest approval request. */
public record RiskCriteriaView(UUID id, int versionNo, CriteriaStatus status, CriteriaDefinition definition, String changeNote,
		List<String> editors, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, Instant approvedAt,
		ApprovalView approval, long version) {
}
