package org.openaims.risk;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The content of an impact assessment (6.1.4, 8.4): intended use and foreseeable misuse, affected and
 * vulnerable groups, reviewers (users) and the impacts. {@code version} is the version the change was
 * made on.
 */
public record ImpactAssessmentDetails(@NotBlank @Size(max = 4000) String intendedUse, @Size(max = 4000) String foreseeableMisuse,
		@Size(max = 2000) String affectedGroups, @Size(max = 2000) String vulnerableGroups,
		@Size(max = 10) List<@NotBlank @Size(max = 64) String> reviewers, @Size(max = 50) List<@Valid @NotNull ImpactInput> impacts,
		Long version) {
}
