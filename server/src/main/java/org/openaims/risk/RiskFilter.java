package org.openaims.risk;

import java.util.UUID;

/**
 * Filters of the risk register: AI system (or organization risks only), category, owner, status, level
 * (inherent or residual), reassessment due, free text, a heat-map cell ({@code scores} with
 * {@code likelihood} and {@code impact}), and a control that open risks select through an action that
 * is not cancelled (what the Statement of Applicability's "selected by" links to).
 */
public record RiskFilter(UUID aiSystemId, Boolean organizationOnly, String category, String owner, RiskStatus status,
		String inherentLevel, String residualLevel, Boolean reassessmentDue, String q, ScoreKind scores, Integer likelihood,
		Integer impact, UUID control) {

	public RiskFilter(UUID aiSystemId, Boolean organizationOnly, String category, String owner, RiskStatus status,
			String inherentLevel, String residualLevel, Boolean reassessmentDue, String q, ScoreKind scores, Integer likelihood,
			Integer impact) {
		this(aiSystemId, organizationOnly, category, owner, status, inherentLevel, residualLevel, reassessmentDue, q, scores, likelihood,
				impact, null);
	}

	public static RiskFilter none() {
		return new RiskFilter(null, null, null, null, null, null, null, null, null, null, null, null);
	}

	/** The same filter, of the risks that select a control. */
	public RiskFilter withControl(UUID requirementId) {
		return new RiskFilter(aiSystemId, organizationOnly, category, owner, status, inherentLevel, residualLevel, reassessmentDue, q,
				scores, likelihood, impact, requirementId);
	}

	/** The same filter without a heat-map cell (what a heat map counts). */
	public RiskFilter withoutCell() {
		return new RiskFilter(aiSystemId, organizationOnly, category, owner, status, inherentLevel, residualLevel, reassessmentDue, q,
				null, null, null, control);
	}

	public RiskFilter withCell(ScoreKind kind, int l, int i) {
		return new RiskFilter(aiSystemId, organizationOnly, category, owner, status, inherentLevel, residualLevel, reassessmentDue, q,
				kind, l, i, control);
	}
}
