package org.openaims.governance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.openaims.identity.Role;

/**
 * An approval request as clients see it. {@code changedSinceRequest} tells whether the item's content
 * differs from the snapshot that was (or is to be) approved: an approval of changed content is void.
 */
public record ApprovalView(UUID id, String itemType, String itemId, String itemTitle, String snapshot,
		Set<Role> approverRoles, int quorum, String requestedBy, Set<String> authors, String note, LocalDate dueDate,
		ApprovalStatus status, String statusReason, List<DecisionView> decisions, int approvals,
		boolean changedSinceRequest, boolean overdue, Instant createdAt, Instant closedAt) {

	/** One approver's decision. */
	public record DecisionView(String approver, Decision decision, String comment, Instant decidedAt) {
	}

	/** Approved, and the item still has the approved content. */
	public boolean approvedAndUnchanged() {
		return status == ApprovalStatus.APPROVED && !changedSinceRequest;
	}
}
