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
import org.openaims.lifecycle.ThresholdSetId;

import org.springframework.stereotype.Component;

/**
 * Metric thresholds under review: the newest version of a system's thresholds is approved by an
 * approver, AIMS manager or administrator who did not write it, compared with the version in force.
 */
@Component
class ThresholdSetReviews implements Reviewable<ThresholdSetId> {

	private final ThresholdSets sets;

	ThresholdSetReviews(ThresholdSets sets) {
		this.sets = sets;
	}

	@Override
	public ReviewType<ThresholdSetId> type() {
		return ThresholdSetId.REVIEW;
	}

	@Override
	public Optional<UnderReview> find(ThresholdSetId id) {
		return sets.findById(id.value()).map(s -> {
			Optional<ThresholdSet> inForce = sets.findByAiSystemIdOrderByVersionNoDesc(s.aiSystemId()).stream()
				.filter(o -> o.versionNo() < s.versionNo() && o.review().isApproved())
				.findFirst();
			return new UnderReview("Metric thresholds, version " + s.versionNo(), s.reviewDigest(), s.review().authors(),
					Approvers.anyOf(Role.APPROVER, Role.AIMS_MANAGER, Role.ADMIN), s.thresholds().size() + " thresholds", s.lines(),
					inForce.map(f -> new UnderReview.Baseline("version " + f.versionNo() + " (in force)", f.lines())).orElse(null),
					"/lifecycle/thresholds/" + s.id());
		});
	}

	@Override
	public void reviewed(ThresholdSetId id, ReviewStep step) {
		ThresholdSet set = sets.findById(id.value()).orElseThrow();
		if (step.to() == ReviewStatus.SUBMITTED) {
			int latest = sets.findFirstByAiSystemIdOrderByVersionNoDesc(set.aiSystemId()).map(ThresholdSet::versionNo).orElse(0);
			if (set.versionNo() != latest) {
				throw new ConflictException("version " + set.versionNo() + " is not the newest (version " + latest + " is)");
			}
		}
		set.reviewed(step);
		sets.save(set);
	}
}
