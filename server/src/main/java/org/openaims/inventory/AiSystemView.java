package org.openaims.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An AI system as clients see it. {@code versions} is filled on the detail view only (omitted in
 * lists, where {@code latestVersion} names the newest).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AiSystemView(UUID id, String name, String description, String intendedPurpose,
		Set<AiRole> organizationRoles, LifecycleStage lifecycleStage, RiskTier riskTier, EuAiActClass euAiActClass,
		String owner, String businessUnit, UUID vendorId, String vendorName, boolean personalData,
		String personalDataCategories, String affectedParties, String dataResources, boolean inScope,
		String scopeJustification, String latestVersion, Instant retiredAt, String retiredReason, Instant createdAt,
		String createdBy, Instant updatedAt, String updatedBy, long version, List<SystemVersionView> versions) {

	public boolean retired() {
		return retiredAt != null;
	}

	/** The fields a user edits, prefilled with this system's values (for edit forms). */
	public AiSystemDetails details() {
		return new AiSystemDetails(name, description, intendedPurpose, organizationRoles, lifecycleStage, riskTier,
				euAiActClass, owner, businessUnit, vendorId, personalData, personalDataCategories, affectedParties,
				dataResources, inScope, scopeJustification, version);
	}

	public AiSystemView withVersionsList(List<SystemVersionView> list) {
		return new AiSystemView(id, name, description, intendedPurpose, organizationRoles, lifecycleStage, riskTier,
				euAiActClass, owner, businessUnit, vendorId, vendorName, personalData, personalDataCategories,
				affectedParties, dataResources, inScope, scopeJustification, latestVersion, retiredAt, retiredReason,
				createdAt, createdBy, updatedAt, updatedBy, version, list);
	}

	public AiSystemView withRolesSet(Set<AiRole> roles) {
		return new AiSystemView(id, name, description, intendedPurpose, roles, lifecycleStage, riskTier, euAiActClass,
				owner, businessUnit, vendorId, vendorName, personalData, personalDataCategories, affectedParties,
				dataResources, inScope, scopeJustification, latestVersion, retiredAt, retiredReason, createdAt,
				createdBy, updatedAt, updatedBy, version, versions);
	}
}
