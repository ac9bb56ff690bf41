package org.openaims.lifecycle;

import java.util.UUID;

import org.openaims.approvals.ReviewType;
import org.openaims.common.RecordId;

/** The id of a version of the release-gate policy; also its reviewable type. */
public record GatePolicyId(UUID value) implements RecordId {

	public static final ReviewType<GatePolicyId> REVIEW = ReviewType.of("gate-policy", "GatePolicy", GatePolicyId.class);
}
