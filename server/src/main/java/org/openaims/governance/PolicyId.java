package org.openaims.governance;

import java.util.UUID;

import org.openaims.approvals.ReviewType;
import org.openaims.common.RecordId;

/** The id of a policy; also the reviewable type of a proposed rename or retirement of a published policy. */
public record PolicyId(UUID value) implements RecordId {

	public static final ReviewType<PolicyId> CHANGE_REVIEW = ReviewType.of("policy-change", "PolicyChange", PolicyId.class);
}
