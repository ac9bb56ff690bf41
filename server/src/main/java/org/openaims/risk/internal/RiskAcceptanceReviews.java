package org.openaims.risk.internal;

import java.util.Optional;

import org.openaims.approvals.Approvers;
import org.openaims.approvals.ReviewStep;
import org.openaims.approvals.ReviewType;
import org.openaims.approvals.Reviewable;
import org.openaims.approvals.UnderReview;
import org.openaims.risk.ActionStatus;
import org.openaims.risk.CriteriaDefinition;
import org.openaims.risk.RiskId;
import org.openaims.risk.RiskLevel;

import org.springframework.stereotype.Component;

/**
 * Residual-risk acceptances under review (6.1.3, 8.3): decided by the roles the risk criteria allow
 * for the residual level, never by anyone who changed the scores, the treatment or the rationale
 * since the last acceptance. The approver sees the scores, the treatment and its actions.
 */
@Component
class RiskAcceptanceReviews implements Reviewable<RiskId> {

	private final Risks risks;

	private final CriteriaVersions criteria;

	RiskAcceptanceReviews(Risks risks, CriteriaVersions criteria) {
		this.risks = risks;
		this.criteria = criteria;
	}

	@Override
	public ReviewType<RiskId> type() {
		return RiskId.ACCEPTANCE;
	}

	@Override
	public Optional<UnderReview> find(RiskId id) {
		return risks.findById(id.value()).filter(r -> r.residualCriteriaId() != null).flatMap(r -> criteria.findById(r.residualCriteriaId())
			.map(c -> {
				CriteriaDefinition def = c.definition();
				RiskLevel level = def.byKey(r.residualLevel());
				String levelName = level == null ? r.residualLevel() : level.name();
				String title = "Acceptance of residual risk " + r.ref() + " " + r.title();
				long open = r.sortedActions().stream().filter(a -> a.status() == ActionStatus.OPEN).count();
				String summary = r.ref() + " " + r.title() + " (owner " + r.owner() + ")\nResidual level " + levelName + " ("
						+ r.residualLikelihood() + " × " + r.residualImpact() + " on risk criteria version " + c.versionNo() + "), treatment "
						+ r.treatmentOption() + ", " + r.sortedActions().size() + " actions" + (open > 0 ? ", " + open + " open" : "")
						+ (r.acceptanceRationale() == null ? "" : "\nRationale: " + r.acceptanceRationale());
				return UnderReview.of(title, r.acceptanceSnapshot(), r.review().authors(),
						new Approvers(level == null ? java.util.Set.of(org.openaims.identity.Role.ADMIN) : level.acceptedBy(), 1), summary,
						"/risks/" + r.id());
			}));
	}

	@Override
	public void reviewed(RiskId id, ReviewStep step) {
		Risk risk = risks.findById(id.value()).orElseThrow();
		risk.reviewed(step);
		risks.save(risk);
	}
}
