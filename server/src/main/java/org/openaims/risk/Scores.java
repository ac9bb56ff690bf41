package org.openaims.risk;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A likelihood and an impact on the criteria in force, with a note on why (an assessment). */
public record Scores(@NotNull Integer likelihood, @NotNull Integer impact, @Size(max = 2000) String note) {
}
