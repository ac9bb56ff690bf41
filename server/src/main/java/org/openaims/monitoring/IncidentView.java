package org.openaims.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An incident: what, how severe, its state, where it came from (a rule's breach or a person), who owns
 * it, when it happened and when the organization became aware (deadlines count from then), how long
 * the breach lasted, containment and root cause, the nonconformity it raised, the systems affected with
 * the organization's roles for them and the versions in production then, its timeline and reports.
 */
public record IncidentView(UUID id, String ref, String title, String description, IncidentSeverity severity, IncidentStatus status,
		String source, UUID ruleId, String owner, String jurisdiction, boolean serious, Set<Classification> classifications, Instant occurredAt,
		Instant awareAt, Instant lastBreachAt, long breachObservations, Double worstValue, String containment, String rootCause,
		UUID nonconformityId, Instant resolvedAt, Instant closedAt, String closedBy, Instant createdAt, String createdBy, Instant updatedAt,
		long version, List<AffectedSystem> systems, List<TimelineEntry> timeline, List<ReportView> reports) {

	/** A system the incident concerns, the organization's roles for it and the versions in production when it occurred. */
	public record AffectedSystem(UUID aiSystemId, String name, List<String> roles, List<String> versionsInProduction) {
	}

	/** One entry of the timeline. */
	public record TimelineEntry(Instant at, String actor, String kind, String note) {
	}

	@com.fasterxml.jackson.annotation.JsonProperty("overdueReports")
	public long overdueReports() {
		return reports == null ? 0 : reports.stream().filter(ReportView::overdue).count();
	}
}
