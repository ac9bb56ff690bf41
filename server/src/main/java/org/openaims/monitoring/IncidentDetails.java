package org.openaims.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An incident as reported or edited: what happened, how severe, the systems affected (when raised),
 * when it happened and when the organization became aware (deadlines count from then; default now),
 * the jurisdiction whose reporting rules apply (default the installation's), what makes it reportable
 * ({@code classifications}: none for an incident that is not serious), containment and root cause.
 * {@code version} for optimistic locking on edits.
 */
public record IncidentDetails(@NotBlank @Size(max = 300) String title, @Size(max = 4000) String description, @NotNull IncidentSeverity severity,
		@Size(max = 20) List<UUID> aiSystemIds, Instant occurredAt, Instant awareAt, @Size(max = 16) String jurisdiction,
		Set<Classification> classifications, @Size(max = 4000) String containment, @Size(max = 4000) String rootCause, Long version) {
}
