package org.openaims.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A report an incident obliges the organization to make: to whom and why (type, title, legal basis,
 * for the organization's role for the system in the jurisdiction), the kind ({@code INITIAL} or
 * {@code FOLLOW_UP}), the deadline counted from awareness, and when it was submitted (with the
 * authority's reference). {@code overdue}: not submitted and past its deadline.
 */
public record ReportView(UUID id, UUID incidentId, String incidentRef, UUID aiSystemId, String aiSystemName, String role, String jurisdiction,
		String reportType, String title, String legalBasis, String kind, Integer deadlineHours, Instant dueAt, Instant submittedAt,
		String submittedBy, String reference, String note, Instant createdAt) {

	@com.fasterxml.jackson.annotation.JsonProperty("overdue")
	public boolean overdue() {
		return submittedAt == null && dueAt != null && dueAt.isBefore(Instant.now());
	}

	/** Whole hours left (negative when overdue), or null when submitted or without a deadline. */
	@com.fasterxml.jackson.annotation.JsonProperty("hoursLeft")
	public Long hoursLeft() {
		return submittedAt != null || dueAt == null ? null : Math.floorDiv(Duration.between(Instant.now(), dueAt).toMinutes(), 60);
	}
}
