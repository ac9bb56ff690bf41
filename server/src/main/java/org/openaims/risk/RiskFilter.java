package org.openaims.risk;

import java.util.UUID;

/**
 * Filters of the risk register: AI system (or organization risks only), category, owner, status, level
 * (inherent or residual), reassessment due, free text, and a heat-map cell ({@code scores} with
 * {@code likelihood} and {@code impact}).
 */
public record RiskFilter(UUID aiSystemId, Boolean organizationOnly, String category, String owner, RiskStatus status,
		String inherentLevel, String residualLevel, Boolean reassessmentDue, String q, ScoreKind scores, Integer likelihood,
		Integer impact) {

	public static RiskFilter none() {
		return new RiskFilter(null, null, null, null, null, null, null, null, null, null, null, null);
	}

	/** The same filter without a heat-map cell (what a heat map counts). */
	public RiskFilter withoutCell() {
		return new RiskFilter(aiSystemId, organizationOnly, category, owner, status, inherentLevel, residualLevel, reassessmentDue, q,
				null, null, null);
	}

	public RiskFilter withCell(ScoreKind kind, int l, int i) {
		return new RiskFilter(aiSystemId, organizationOnly, category, owner, status, inherentLevel, residualLevel, reassessmentDue, q,
				kind, l, i);
	}
}
