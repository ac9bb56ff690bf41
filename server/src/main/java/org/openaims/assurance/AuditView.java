package org.openaims.assurance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An audit with its checklist, results counted by kind, and the independence exceptions asked for it. */
public record AuditView(UUID id, UUID programmeId, String programmeTitle, String title, LocalDate plannedStart, LocalDate plannedEnd,
		LocalDate auditedFrom, LocalDate auditedTo, List<String> clauses, List<String> controls, List<UUID> aiSystemIds,
		List<String> processes, String criteria, String method, String leadAuditor, List<String> team, AuditStatus status, UUID followUpOf,
		Instant reportIssuedAt, String reportIssuedBy, List<AuditItemView> items, Map<AuditResult, Long> results, long open,
		List<ExceptionView> exceptions, Instant createdAt, String createdBy, long version) {

	/** An independence exception: who may audit which item although not independent of it, why, and whether it was approved. */
	public record ExceptionView(UUID id, int itemIndex, String itemTitle, String auditor, String conflict, String justification,
			org.openaims.approvals.ReviewStatus reviewStatus, Instant requestedAt, String requestedBy) {
	}
}
