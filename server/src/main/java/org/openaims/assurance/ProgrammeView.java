package org.openaims.assurance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.openaims.approvals.ReviewStatus;

/** An audit programme, its approval and how many audits it plans. */
public record ProgrammeView(UUID id, String title, LocalDate periodStart, LocalDate periodEnd, String objectives, String criteria,
		String method, ReviewStatus reviewStatus, long audits, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
		long version) {
}
