package org.openaims.assurance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openaims.approvals.ReviewStatus;

/**
 * A nonconformity with its corrective actions, effectiveness review and closure. {@code stage} says
 * what it waits for: acceptance, a root cause, actions, their completion, an effectiveness review, a
 * closure request, the closure's approval — or nothing once closed or dismissed.
 */
public record NonconformityView(UUID id, String title, String description, NonconformitySource source, String sourceRef,
		UUID requirementId, String requirementRef, UUID aiSystemId, String aiSystemName, Severity severity, NonconformityStatus status,
		String stage, String owner, String correction, String containment, RootCauseMethod rootCauseMethod, String rootCause,
		List<ActionView> actions, String effectivenessReviewedBy, Instant effectivenessReviewedAt, Boolean effective,
		String effectivenessNote, String dismissedReason, ReviewStatus reviewStatus, Instant raisedAt, String raisedBy, Instant closedAt,
		Instant updatedAt, String updatedBy, long version) {
}
