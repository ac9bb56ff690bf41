package org.openaims.approvals;

import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** An approval request reached its outcome: approved (quorum reached) or rejected. Recorded in the item's history. */
public record ApprovalCompleted(UUID approvalId, String itemType, String itemId, ApprovalStatus outcome, String snapshot, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return new Subject(itemType, itemId);
	}
}
