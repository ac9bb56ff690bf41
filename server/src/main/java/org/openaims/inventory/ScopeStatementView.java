package org.openaims.inventory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One version of the scope statement. The current version also lists the AI systems in scope and
 * those left out with their justification, read live from the register.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScopeStatementView(UUID id, int versionNo, String boundaries, String inclusionCriteria,
		List<ScopeStatementDetails.Exclusion> exclusions, String changeNote, Instant createdAt, String createdBy,
		Boolean current, List<ScopedSystem> aiSystemsInScope, List<ScopedSystem> aiSystemsOutOfScope) {

	/** An AI system as the scope lists it. */
	public record ScopedSystem(UUID id, String name, LifecycleStage lifecycleStage, String scopeJustification) {
	}
}
