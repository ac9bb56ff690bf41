package org.openaims.monitoring;

import java.time.Instant;
import java.util.UUID;

/** A monitoring rule with its state: {@code OK}, {@code PENDING} (breaching, not yet for long enough) or {@code FIRING} (its incident open). */
public record RuleView(UUID id, UUID aiSystemId, String aiSystemName, String name, RuleKind kind, String eventType, String eventName,
		Direction direction, Double raiseValue, Double clearValue, Long windowSeconds, long forSeconds, IncidentSeverity severity, boolean enabled,
		String state, Instant pendingSince, Instant lastEventAt, UUID incidentId, String incidentRef, String createdBy, Instant createdAt,
		Instant updatedAt, long version) {
}
