package org.openaims.assurance;

import java.util.UUID;

import org.openaims.approvals.ReviewType;
import org.openaims.common.RecordId;

/** The id of an independence exception: an auditor allowed to audit an item they are not independent of, once approved. */
public record IndependenceExceptionId(UUID value) implements RecordId {

	public static final ReviewType<IndependenceExceptionId> REVIEW = ReviewType.of("independence-exception", "IndependenceException",
			IndependenceExceptionId.class);
}
