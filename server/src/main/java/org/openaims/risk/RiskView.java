package org.openaims.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.openaims.approvals.ApprovalView;

/**
 * A risk as clients see it, in parts (one flat JSON object): what it is about, when it is reviewed
 * and whether it must be reassessed, its inherent, target and residual scores with their levels (and
 * the criteria version they were scored on), the treatment plan, the acceptance with its latest
 * approval request, and who recorded it when.
 */
public record RiskView(UUID id, String ref, String title, RiskStatus status, @JsonUnwrapped About about,
		@JsonUnwrapped Schedule schedule, @JsonUnwrapped Assessment assessment, @JsonUnwrapped Plan plan,
		@JsonUnwrapped Acceptance acceptance, @JsonUnwrapped Recorded recorded) {

	/** What the risk is about and who owns it. */
	public record About(String description, UUID aiSystemId, String aiSystemName, String category, String categoryName, String cause,
			String source, String consequenceOrganization, String consequenceIndividuals, String consequenceSociety,
			String existingControls, String owner) {
	}

	/** When the risk is next reviewed, and whether a change of its AI system requires a reassessment. */
	public record Schedule(LocalDate reviewDate, boolean reviewOverdue, boolean reassessmentDue, String reassessmentReason) {
	}

	/** The scores, on the criteria version of the inherent assessment ({@code criteriaVersionNo}). */
	public record Assessment(int criteriaVersionNo, Score inherent, Score target, Score residual) {
	}

	/** The treatment: option, note and actions. */
	public record Plan(TreatmentOption treatmentOption, String treatmentNote, List<ActionView> actions) {
	}

	/** The residual risk's acceptance: its rationale, who accepted it when, and its latest approval request. */
	public record Acceptance(String acceptanceRationale, Instant acceptedAt, String acceptedBy, ApprovalView approval) {
	}

	/** Who entered and last changed the risk, and its version for optimistic locking. */
	public record Recorded(Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, long version) {
	}

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
