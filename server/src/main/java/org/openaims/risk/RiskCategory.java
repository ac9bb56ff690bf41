package org.openaims.risk;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A hazard category of the taxonomy (built in or added by the organization). */
public record RiskCategory(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}", message = "use 1 to 40 lower-case letters, digits or '-'") String key,
		@NotBlank @Size(max = 100) String name, @Size(max = 500) String description, Boolean builtIn) {
}
