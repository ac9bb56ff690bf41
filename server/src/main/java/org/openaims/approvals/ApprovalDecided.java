package org.openaims.approvals;

import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** An approver approved or rejected an item (never their own: segregation of duties). Recorded in the item's history. */
public record ApprovalDecided(UUID approvalId, String itemType, String itemId, Decision decision, String comment, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return new Subject(itemType, itemId);
	}
}
