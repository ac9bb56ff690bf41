package org.openaims.risk;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The content of a draft version of the risk criteria and a note on what changed. */
public record NewCriteria(@NotNull CriteriaDefinition definition, @Size(max = 2000) String changeNote) {
}
