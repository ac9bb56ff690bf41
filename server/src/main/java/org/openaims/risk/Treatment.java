package org.openaims.risk;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The treatment plan of a risk (6.1.3, 8.3): the option, the actions and the target residual scores. */
public record Treatment(@NotNull TreatmentOption option, @Size(max = 2000) String note,
		@Size(max = 100) List<@Valid @NotNull ActionInput> actions, Integer targetLikelihood, Integer targetImpact) {
}
