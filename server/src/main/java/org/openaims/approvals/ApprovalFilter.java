package org.openaims.approvals;

/** Which approval requests a list shows; every part optional. */
public record ApprovalFilter(ApprovalStatus status, String itemType, String itemId, String requestedBy) {

	public static ApprovalFilter none() {
		return new ApprovalFilter(null, null, null, null);
	}
}
