package org.openaims.risk.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.openaims.approvals.Approvers;
import org.openaims.approvals.ReviewStatus;
import org.openaims.approvals.ReviewStep;
import org.openaims.approvals.ReviewType;
import org.openaims.approvals.Reviewable;
import org.openaims.approvals.UnderReview;
import org.openaims.risk.CriteriaDefinition;
import org.openaims.risk.CriteriaStatus;
import org.openaims.risk.CriteriaVersionId;
import org.openaims.risk.RiskLevel;
import org.openaims.identity.Role;

import org.springframework.stereotype.Component;

/**
 * Versions of the risk criteria under review: approved by an approver, AIMS manager or administrator
 * who did not edit them, they come into force and supersede the version before; the approver sees
 * the scales and levels and what changed since the version in force.
 */
@Component
class CriteriaReviews implements Reviewable<CriteriaVersionId> {

	private final CriteriaVersions versions;

	CriteriaReviews(CriteriaVersions versions) {
		this.versions = versions;
	}

	@Override
	public ReviewType<CriteriaVersionId> type() {
		return CriteriaVersionId.REVIEW;
	}

	@Override
	public Optional<UnderReview> find(CriteriaVersionId id) {
		return versions.findById(id.value()).map(v -> {
			Optional<CriteriaVersion> approved = versions.findAllByOrderByVersionNoDesc().stream()
				.filter(o -> o.versionNo() < v.versionNo() && o.review().isApproved())
				.max(Comparator.comparingInt(CriteriaVersion::versionNo));
			String summary = "Risk criteria, version " + v.versionNo() + ": " + v.definition().likelihood().size() + " × "
					+ v.definition().impact().size() + " matrix, " + v.definition().levels().size() + " levels"
					+ (v.changeNote() == null ? "" : "\nNote: " + v.changeNote());
			return new UnderReview("Risk criteria, version " + v.versionNo(), v.snapshot(), v.editorSet(),
					Approvers.anyOf(Role.APPROVER, Role.AIMS_MANAGER, Role.ADMIN), summary, lines(v.definition()),
					approved.map(o -> new UnderReview.Baseline("version " + o.versionNo(), lines(o.definition()))).orElse(null),
					"/risk-criteria/" + v.id());
		});
	}

	@Override
	public void reviewed(CriteriaVersionId id, ReviewStep step) {
		CriteriaVersion version = versions.findById(id.value()).orElseThrow();
		if (step.to() == ReviewStatus.APPROVED) {
			versions.findFirstByStatusOrderByVersionNoDesc(CriteriaStatus.APPROVED).ifPresent(old -> {
				old.supersede(version.versionNo(), step.stamp().actor());
				versions.save(old);
			});
		}
		version.reviewed(step);
		versions.save(version);
	}

	/** The criteria as lines an approver reads: each scale, each level with who may accept it, and the matrix. */
	static List<String> lines(CriteriaDefinition d) {
		List<String> lines = new java.util.ArrayList<>();
		for (int l = 0; l < d.likelihood().size(); l++) {
			lines.add("likelihood " + (l + 1) + ": " + d.likelihood().get(l).name());
		}
		for (int i = 0; i < d.impact().size(); i++) {
			lines.add("impact " + (i + 1) + ": " + d.impact().get(i).name());
		}
		for (RiskLevel level : d.levels()) {
			lines.add("level " + level.key() + " (" + level.name() + "): accepted by " + new java.util.TreeSet<>(level.acceptedBy()));
		}
		for (int l = 1; l <= d.likelihood().size(); l++) {
			StringBuilder row = new StringBuilder("matrix likelihood " + l + ":");
			for (int i = 1; i <= d.impact().size(); i++) {
				row.append(' ').append(d.level(l, i).key());
			}
			lines.add(row.toString());
		}
		return lines;
	}
}
