package org.openaims.monitoring;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A monitoring rule as written: the system, a name, the kind, which events it reads ({@code eventType},
 * and {@code eventName} for a metric, evaluation or custom event), the raise and clear bounds with their
 * direction (threshold and rate), the window (rate: its length; absence: how long without a matching
 * event), how long a breach must last before it raises ({@code forSeconds}), the severity of the
 * incident it raises, and whether it is enabled. {@code version} for optimistic locking on updates.
 */
public record RuleDetails(@NotNull UUID aiSystemId, @NotBlank @Size(max = 200) String name, @NotNull RuleKind kind,
		@NotBlank @Size(max = 32) String eventType, @Size(max = 200) String eventName, Direction direction, Double raiseValue, Double clearValue,
		Long windowSeconds, Long forSeconds, IncidentSeverity severity, Boolean enabled, Long version) {
}
