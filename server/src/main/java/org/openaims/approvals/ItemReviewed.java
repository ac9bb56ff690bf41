package org.openaims.approvals;

import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/**
 * A reviewable record took a review step, registered by the record's own aggregate through its
 * {@link ReviewState}. Its name in the ledger and the record's history is the record type's prefix and
 * the step, e.g. {@code PolicyVersionSubmitted}, {@code RiskAcceptanceApproved}, {@code SoaVersionSentBack}.
 */
public record ItemReviewed(String eventType, String itemType, String itemId, String title, ReviewStatus status, UUID approvalId,
		String reason, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return new Subject(itemType, itemId);
	}

	@Override
	public String eventType() {
		return eventType;
	}
}
