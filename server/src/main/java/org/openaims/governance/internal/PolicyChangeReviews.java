package org.openaims.governance.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.openaims.approvals.ReviewStep;
import org.openaims.approvals.ReviewType;
import org.openaims.approvals.Reviewable;
import org.openaims.approvals.UnderReview;
import org.openaims.governance.PolicyId;
import org.openaims.governance.PolicyStatus;

import org.springframework.stereotype.Component;

/**
 * Proposed renames and retirements of published policies under review: they take effect when
 * someone other than the proposer approves them, and are dropped otherwise.
 */
@Component
class PolicyChangeReviews implements Reviewable<PolicyId> {

	private final Policies policies;

	private final PolicyVersions versions;

	private final PolicyApprovers approvers;

	PolicyChangeReviews(Policies policies, PolicyVersions versions, PolicyApprovers approvers) {
		this.approvers = approvers;
		this.policies = policies;
		this.versions = versions;
	}

	@Override
	public ReviewType<PolicyId> type() {
		return PolicyId.CHANGE_REVIEW;
	}

	@Override
	public Optional<UnderReview> find(PolicyId id) {
		return policies.findById(id.value()).filter(p -> p.pendingChange() != null).map(p -> {
			Set<String> authors = new TreeSet<>(p.review().authors());
			authors.add(p.proposedBy());
			boolean rename = Policy.RENAME.equals(p.pendingChange());
			String title = rename ? "Rename policy '" + p.title() + "' to '" + p.proposedTitle() + "'" : "Retire policy '" + p.title() + "'";
			String summary = title + " (proposed by " + p.proposedBy() + ")"
					+ (p.proposedReason() == null ? "" : "\nReason: " + p.proposedReason());
			return new UnderReview(title, p.proposalSnapshot(), authors,
					approvers.of(p.approvalsRequired()), summary,
					List.of(rename ? "title: " + p.proposedTitle() : "retired"),
					new UnderReview.Baseline("the policy in force", List.of(rename ? "title: " + p.title() : "in force")), "/policies/" + p.id());
		});
	}

	@Override
	public void reviewed(PolicyId id, ReviewStep step) {
		Policy policy = policies.findById(id.value()).orElseThrow();
		boolean retired = policy.reviewed(step);
		policies.save(policy);
		if (retired) {
			for (PolicyVersion v : versions.findByPolicyIdOrderByVersionNoDesc(policy.id())) {
				if (v.status() == PolicyStatus.PUBLISHED) {
					v.retire(step.stamp().actor());
					versions.save(v);
				}
			}
		}
	}
}
