package org.openaims.approvals;

import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** An approval request was withdrawn, or invalidated because the item changed. Recorded in the item's history. */
public record ApprovalClosed(UUID approvalId, String itemType, String itemId, ApprovalStatus status, String reason, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return new Subject(itemType, itemId);
	}
}
