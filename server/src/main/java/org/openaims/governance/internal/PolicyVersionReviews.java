package org.openaims.governance.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openaims.approvals.ReviewStep;
import org.openaims.approvals.ReviewType;
import org.openaims.approvals.Reviewable;
import org.openaims.approvals.UnderReview;
import org.openaims.common.TextDiff;
import org.openaims.governance.PolicyVersionId;

import org.springframework.stereotype.Component;

/**
 * Policy versions under review: approved by an approver or AIMS manager who did not write them, by
 * as many as the policy requires, before they may be published; the approver sees the text's
 * differences from the last approved version.
 */
@Component
class PolicyVersionReviews implements Reviewable<PolicyVersionId> {

	private final PolicyVersions versions;

	private final Policies policies;

	private final PolicyApprovers approvers;

	PolicyVersionReviews(PolicyVersions versions, Policies policies, PolicyApprovers approvers) {
		this.versions = versions;
		this.policies = policies;
		this.approvers = approvers;
	}

	@Override
	public ReviewType<PolicyVersionId> type() {
		return PolicyVersionId.REVIEW;
	}

	@Override
	public Optional<UnderReview> find(PolicyVersionId id) {
		return versions.findById(id.value()).flatMap(v -> policies.findById(v.policyId()).map(p -> {
			UnderReview.Baseline approved = versions.findByPolicyIdOrderByVersionNoDesc(p.id()).stream()
				.filter(o -> o.versionNo() < v.versionNo() && o.review().isApproved())
				.max(Comparator.comparingInt(PolicyVersion::versionNo))
				.map(o -> new UnderReview.Baseline("version " + o.versionNo(), content(o)))
				.orElse(null);
			String summary = p.title() + ", version " + v.versionNo() + " (owner " + p.owner() + ")"
					+ (v.changeSummary() == null ? "" : "\nWhat changed: " + v.changeSummary())
					+ (p.approvalsRequired() > 1 ? "\nNeeds " + p.approvalsRequired() + " approvers." : "");
			return new UnderReview(p.title() + ", version " + v.versionNo(), v.snapshot(), v.authors(),
					approvers.of(p.approvalsRequired()), summary, content(v), approved,
					"/policies/" + p.id() + "/versions/" + v.versionNo());
		}));
	}

	@Override
	public void reviewed(PolicyVersionId id, ReviewStep step) {
		PolicyVersion version = versions.findById(id.value()).orElseThrow();
		if (step.to() == org.openaims.approvals.ReviewStatus.SUBMITTED) {
			policies.findById(version.policyId()).orElseThrow().requireActiveForVersions();
		}
		version.reviewed(step);
		versions.save(version);
	}

	private static List<String> content(PolicyVersion v) {
		List<String> lines = new ArrayList<>(TextDiff.lines(v.body()));
		if (v.fileSha256() != null) {
			lines.add("[attached document " + v.fileName() + ", SHA-256 " + v.fileSha256() + "]");
		}
		return lines;
	}
}
