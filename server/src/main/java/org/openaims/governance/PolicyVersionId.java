package org.openaims.governance;

import java.util.UUID;

import org.openaims.approvals.ReviewType;
import org.openaims.common.RecordId;

/** The id of a policy version; also the reviewable type of versions (approved before they are published). */
public record PolicyVersionId(UUID value) implements RecordId {

	public static final ReviewType<PolicyVersionId> REVIEW = ReviewType.of("policy-version", "PolicyVersion", PolicyVersionId.class);
}
