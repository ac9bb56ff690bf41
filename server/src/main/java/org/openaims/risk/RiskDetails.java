package org.openaims.risk;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a user writes about a risk (6.1.2, 8.2): the AI system it belongs to (none for an organization
 * risk), its hazard category, cause and source, consequences for the organization, individuals and
 * society, the inherent likelihood and impact on the criteria in force, existing controls, owner and
 * review date. {@code version} is the version the change was made on (optimistic locking on update).
 */
public record RiskDetails(@NotBlank @Size(max = 200) String title, @Size(max = 4000) String description, UUID aiSystemId,
		@NotBlank @Size(max = 40) String category, @Size(max = 2000) String cause, @Size(max = 2000) String source,
		@Size(max = 2000) String consequenceOrganization, @Size(max = 2000) String consequenceIndividuals,
		@Size(max = 2000) String consequenceSociety, @NotNull Integer inherentLikelihood, @NotNull Integer inherentImpact,
		@Size(max = 2000) String existingControls, @NotBlank @Size(max = 64) String owner, @NotNull LocalDate reviewDate,
		Long version) {
}
