package org.openaims.inventory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.openaims.approvals.ApprovalView;
import org.openaims.approvals.ReviewStatus;

/**
 * One version of the scope statement: its text, where its review stands ({@code current}: it is the
 * approved version in force) with its latest approval request, and the AI systems it recorded in and
 * out of scope when it was saved (null for versions saved before systems were recorded). For one
 * version, {@code registerChanges} lists the systems whose place in the scope changed in the register
 * since, and {@code outOfDate} says whether there are any: the version in force is then out of date
 * until a new version is approved.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScopeStatementView(UUID id, int versionNo, String boundaries, String inclusionCriteria,
		List<ScopeStatementDetails.Exclusion> exclusions, String changeNote, Instant createdAt, String createdBy,
		Boolean current, ReviewStatus status, ApprovalView approval, List<ScopedSystem> aiSystemsInScope,
		List<ScopedSystem> aiSystemsOutOfScope, Boolean outOfDate, List<ScopeChange> registerChanges) {

	/** An AI system as the scope lists it. */
	public record ScopedSystem(UUID id, String name, LifecycleStage lifecycleStage, String scopeJustification) {
	}

	/**
	 * A system whose place in the scope differs between the version and the register now: in scope
	 * then and now ({@code null} when the version did not list it, or it is retired now).
	 */
	public record ScopeChange(UUID id, String name, Boolean inScopeThen, Boolean inScopeNow) {
	}
}
