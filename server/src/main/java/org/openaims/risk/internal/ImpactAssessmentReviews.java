package org.openaims.risk.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.openaims.approvals.Approvers;
import org.openaims.approvals.ReviewStep;
import org.openaims.approvals.ReviewType;
import org.openaims.approvals.Reviewable;
import org.openaims.approvals.UnderReview;
import org.openaims.identity.Role;
import org.openaims.inventory.AiSystemService;
import org.openaims.risk.ImpactAssessmentId;

import org.springframework.stereotype.Component;

/**
 * AI system impact assessments under review (8.4, A.5): approved by an approver, AIMS manager or
 * administrator who did not edit them; the approver sees the assessment and what changed since the
 * system's last approved one.
 */
@Component
class ImpactAssessmentReviews implements Reviewable<ImpactAssessmentId> {

	private final ImpactAssessments assessments;

	private final AiSystemService systems;

	ImpactAssessmentReviews(ImpactAssessments assessments, AiSystemService systems) {
		this.assessments = assessments;
		this.systems = systems;
	}

	@Override
	public ReviewType<ImpactAssessmentId> type() {
		return ImpactAssessmentId.REVIEW;
	}

	@Override
	public Optional<UnderReview> find(ImpactAssessmentId id) {
		return assessments.findById(id.value()).map(a -> {
			String system = systems.names(List.of(a.aiSystemId())).getOrDefault(a.aiSystemId(), "an AI system");
			String title = "Impact assessment of " + system + (a.systemVersion() == null ? "" : " " + a.systemVersion());
			Optional<ImpactAssessment> approved = assessments.findByAiSystemIdOrderByCreatedAtDesc(a.aiSystemId()).stream()
				.filter(o -> !o.id().equals(a.id()) && o.review().isApproved() && o.createdAt().isBefore(a.createdAt()))
				.max(Comparator.comparing(ImpactAssessment::createdAt));
			String summary = title + ": " + a.impacts().size() + " impacts assessed" + (a.stale() ? "\nStale: " + a.staleReason() : "");
			return new UnderReview(title, a.snapshot(), a.editorSet(), Approvers.anyOf(Role.APPROVER, Role.AIMS_MANAGER, Role.ADMIN),
					summary, lines(a), approved.map(o -> new UnderReview.Baseline("the assessment of "
							+ (o.systemVersion() == null ? "the first version" : "version " + o.systemVersion()), lines(o))).orElse(null),
					"/impact-assessments/" + a.id());
		});
	}

	@Override
	public void reviewed(ImpactAssessmentId id, ReviewStep step) {
		ImpactAssessment assessment = assessments.findById(id.value()).orElseThrow();
		assessment.reviewed(step);
		assessments.save(assessment);
	}

	private static List<String> lines(ImpactAssessment a) {
		List<String> lines = new ArrayList<>();
		a.contentFields().forEach((name, value) -> lines.add(name + ": " + (value == null ? "—" : value)));
		return lines;
	}
}
