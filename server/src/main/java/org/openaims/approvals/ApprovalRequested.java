package org.openaims.approvals;

import java.util.Set;
import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;
import org.openaims.identity.Role;

/** An item was submitted for approval by the given roles, with the quorum of distinct approvers needed. Recorded in the item's history. */
public record ApprovalRequested(UUID approvalId, String itemType, String itemId, String itemTitle, String snapshot, Set<Role> approverRoles, int quorum, String note, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return new Subject(itemType, itemId);
	}
}
