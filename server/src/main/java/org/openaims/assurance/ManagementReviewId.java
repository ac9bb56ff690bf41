package org.openaims.assurance;

import java.util.UUID;

import org.openaims.approvals.ReviewType;
import org.openaims.common.RecordId;

/** The id of a management review; also the reviewable type of its output (9.3.3), approved by top management. */
public record ManagementReviewId(UUID value) implements RecordId {

	public static final ReviewType<ManagementReviewId> REVIEW = ReviewType.of("management-review", "ManagementReview",
			ManagementReviewId.class);
}
