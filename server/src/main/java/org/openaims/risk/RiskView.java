package org.openaims.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.openaims.governance.ApprovalView;

/**
 * A risk as clients see it: what it is, its inherent, target and residual scores with their levels
 * (and the criteria version they were scored on), the treatment plan, acceptance and whether it must
 * be reassessed.
 */
public record RiskView(UUID id, String ref, String title, String description, UUID aiSystemId, String aiSystemName, String category,
		String categoryName, String cause, String source, String consequenceOrganization, String consequenceIndividuals,
		String consequenceSociety, String existingControls, String owner, LocalDate reviewDate, boolean reviewOverdue,
		RiskStatus status, int criteriaVersionNo, Score inherent, TreatmentOption treatmentOption, String treatmentNote,
		Score target, Score residual, List<ActionView> actions, String acceptanceRationale, Instant acceptedAt,
		String acceptedBy, ApprovalView acceptance, boolean reassessmentDue, String reassessmentReason, Instant createdAt,
		String createdBy, Instant updatedAt, String updatedBy, long version) {

	/** A likelihood × impact pair with its level on the criteria version it was scored on. */
	public record Score(int likelihood, int impact, String level, String levelName, int criteriaVersionNo) {
	}

	/** A treatment action with the controls it implements. */
	public record ActionView(UUID id, String title, String owner, LocalDate dueDate, ActionStatus status, LocalDate doneOn,
			boolean overdue, List<ControlRef> controls) {
	}

	/** "RISK-7 Prompt injection …". */
	public String label() {
		return ref + " " + title;
	}
}
