package org.openaims.assurance;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An audit as planned (9.2.2): its programme, dates, the period whose records it audits, its scope —
 * clauses and Annex A controls by reference (a reference includes everything under it: {@code 9}
 * means 9.1 to 9.3.3), AI systems, processes —, criteria, method, lead auditor and team.
 */
public record AuditDetails(@NotNull UUID programmeId, @NotBlank @Size(max = 300) String title, @NotNull LocalDate plannedStart,
		@NotNull LocalDate plannedEnd, @NotNull LocalDate auditedFrom, @NotNull LocalDate auditedTo, @Size(max = 100) List<String> clauses,
		@Size(max = 100) List<String> controls, @Size(max = 100) List<UUID> aiSystemIds, @Size(max = 50) List<String> processes,
		@Size(max = 2000) String criteria, @Size(max = 2000) String method, @NotBlank @Size(max = 64) String leadAuditor,
		@Size(max = 20) List<String> team, Long version) {
}
