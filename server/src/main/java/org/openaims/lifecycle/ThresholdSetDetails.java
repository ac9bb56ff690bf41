package org.openaims.lifecycle;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new version of an AI system's metric thresholds, with a note on what changed. */
public record ThresholdSetDetails(@NotNull UUID aiSystemId, @NotEmpty @Size(max = 200) List<@NotNull @Valid MetricThreshold> thresholds,
		@Size(max = 2000) String note) {
}
