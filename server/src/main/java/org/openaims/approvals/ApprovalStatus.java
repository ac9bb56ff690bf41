package org.openaims.approvals;

/** Where an approval request stands. INVALIDATED: the item changed after the request was made. */
public enum ApprovalStatus {
	PENDING, APPROVED, REJECTED, WITHDRAWN, INVALIDATED
}
