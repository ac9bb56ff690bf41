package org.openaims.inventory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A vendor as clients see it. {@code suppliedSystems} (the AI systems naming this vendor) is filled
 * on the detail view only; lists carry {@code suppliedSystemCount}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VendorView(UUID id, String name, String services, String contractReference,
		DueDiligenceStatus dueDiligenceStatus, LocalDate nextReviewDate, boolean reviewOverdue,
		int suppliedSystemCount, Instant retiredAt, String retiredReason, Instant createdAt, String createdBy,
		Instant updatedAt, String updatedBy, long version, List<SystemRef> suppliedSystems) {

	/** An AI system named by id and name. */
	public record SystemRef(UUID id, String name, LifecycleStage lifecycleStage) {
	}

	public boolean retired() {
		return retiredAt != null;
	}

	public VendorDetails details() {
		return new VendorDetails(name, services, contractReference, dueDiligenceStatus, nextReviewDate, version);
	}

	VendorView withSuppliedSystems(List<SystemRef> systems) {
		return new VendorView(id, name, services, contractReference, dueDiligenceStatus, nextReviewDate, reviewOverdue,
				systems.size(), retiredAt, retiredReason, createdAt, createdBy, updatedAt, updatedBy, version, systems);
	}
}
