package org.openaims.assurance;

import java.util.UUID;

import org.openaims.approvals.ReviewType;
import org.openaims.common.RecordId;

/** The id of a nonconformity; also the reviewable type of its closure (10.2). */
public record NonconformityId(UUID value) implements RecordId {

	public static final ReviewType<NonconformityId> REVIEW = ReviewType.of("nonconformity", "Nonconformity", NonconformityId.class);
}
