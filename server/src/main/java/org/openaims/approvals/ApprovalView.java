package org.openaims.approvals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.openaims.common.DiffLine;
import org.openaims.identity.Role;

/**
 * An approval request as clients see it. {@code changedSinceRequest} tells whether the item's content
 * differs from the snapshot that was (or is to be) approved: an approval of changed content is void.
 * {@code review} (one request only, not in lists) shows the approver what they approve.
 */
public record ApprovalView(UUID id, String itemType, String itemId, String itemTitle, String snapshot,
		Set<Role> approverRoles, int quorum, String requestedBy, Set<String> authors, String note, LocalDate dueDate,
		ApprovalStatus status, String statusReason, List<DecisionView> decisions, int approvals,
		boolean changedSinceRequest, boolean overdue, Instant createdAt, Instant closedAt, Review review) {

	/** One approver's decision. */
	public record DecisionView(String approver, Decision decision, String comment, Instant decidedAt) {
	}

	/**
	 * What is under review, as its module describes it now: a summary, the page where it is, and for
	 * a versioned document the differences from the last approved version ({@code comparedWith}).
	 */
	public record Review(String summary, String link, String comparedWith, List<DiffLine> changes) {
	}

	/** Approved, and the item still has the approved content. */
	public boolean approvedAndUnchanged() {
		return status == ApprovalStatus.APPROVED && !changedSinceRequest;
	}

	ApprovalView with(boolean changed, Review details) {
		return new ApprovalView(id, itemType, itemId, itemTitle, snapshot, approverRoles, quorum, requestedBy, authors, note, dueDate,
				status, statusReason, decisions, approvals, changed, overdue, createdAt, closedAt, details);
	}
}
