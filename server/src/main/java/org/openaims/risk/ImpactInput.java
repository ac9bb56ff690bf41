package org.openaims.risk;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One impact as written: the area, what may happen, its severity and likelihood on the criteria in force, and the mitigation. */
public record ImpactInput(@NotNull ImpactArea area, @NotBlank @Size(max = 2000) String description, @NotNull Integer severity,
		@NotNull Integer likelihood, @Size(max = 2000) String mitigation) {
}
