package org.openaims.lifecycle.internal;

import java.util.Optional;

import org.openaims.approvals.Approvers;
import org.openaims.approvals.ReviewStatus;
import org.openaims.approvals.ReviewStep;
import org.openaims.approvals.ReviewType;
import org.openaims.approvals.Reviewable;
import org.openaims.approvals.UnderReview;
import org.openaims.common.ConflictException;
import org.openaims.identity.Role;
import org.openaims.lifecycle.GatePolicyId;

import org.springframework.stereotype.Component;

/** The release-gate policy under review: approved by an AIMS manager or administrator who did not write it. */
@Component
class GatePolicyReviews implements Reviewable<GatePolicyId> {

	private final GatePolicies policies;

	GatePolicyReviews(GatePolicies policies) {
		this.policies = policies;
	}

	@Override
	public ReviewType<GatePolicyId> type() {
		return GatePolicyId.REVIEW;
	}

	@Override
	public Optional<UnderReview> find(GatePolicyId id) {
		return policies.findById(id.value()).map(p -> {
			Optional<GatePolicy> inForce = policies.findAllByOrderByVersionNoDesc().stream()
				.filter(o -> o.versionNo() < p.versionNo() && o.review().isApproved()).findFirst();
			return new UnderReview("Release-gate policy, version " + p.versionNo(), p.reviewDigest(), p.review().authors(),
					Approvers.anyOf(Role.AIMS_MANAGER, Role.ADMIN), "Release-gate policy (YAML), SHA-256 " + p.digest(), p.lines(),
					inForce.map(f -> new UnderReview.Baseline("version " + f.versionNo() + " (in force)", f.lines())).orElse(null),
					"/lifecycle/gate-policies/" + p.id());
		});
	}

	@Override
	public void reviewed(GatePolicyId id, ReviewStep step) {
		GatePolicy policy = policies.findById(id.value()).orElseThrow();
		if (step.to() == ReviewStatus.SUBMITTED) {
			int latest = policies.findFirstByOrderByVersionNoDesc().map(GatePolicy::versionNo).orElse(0);
			if (policy.versionNo() != latest) {
				throw new ConflictException("version " + policy.versionNo() + " is not the newest (version " + latest + " is)");
			}
		}
		policy.reviewed(step);
		policies.save(policy);
	}
}
