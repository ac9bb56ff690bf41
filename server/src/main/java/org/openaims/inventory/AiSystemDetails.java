package org.openaims.inventory;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a user enters to register or change an AI system (REST body and web form alike). Rules that
 * span fields or other records (justification when out of scope, owner and vendor exist, unique
 * name) are checked by {@link AiSystemService}.
 *
 * @param version the version the client edited, to refuse a change based on stale data (optional)
 */
public record AiSystemDetails(
		@NotBlank @Size(max = 200) String name,
		@Size(max = 4000) String description,
		@NotBlank @Size(max = 4000) String intendedPurpose,
		@NotEmpty(message = "choose at least one role") Set<AiRole> organizationRoles,
		@NotNull LifecycleStage lifecycleStage,
		@NotNull RiskTier riskTier,
		EuAiActClass euAiActClass,
		@NotBlank @Size(max = 64) String owner,
		@Size(max = 200) String businessUnit,
		UUID vendorId,
		Boolean personalData,
		@Size(max = 2000) String personalDataCategories,
		@Size(max = 2000) String affectedParties,
		@Size(max = 2000) String dataResources,
		Boolean inScope,
		@Size(max = 2000) String scopeJustification,
		Long version) {

	public boolean processesPersonalData() {
		return Boolean.TRUE.equals(personalData);
	}

	/** In scope unless said otherwise. */
	public boolean isInScope() {
		return inScope == null || inScope;
	}
}
