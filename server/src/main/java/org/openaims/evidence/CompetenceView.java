package org.openaims.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A competence record with its evidence. {@code validity} is the record's own; {@code current}: valid
 * today and evidenced by an item that is valid today too — what the gap list counts.
 */
public record CompetenceView(UUID id, String person, CompetenceArea area, String roleDetail, String competence,
		EvidenceSummary evidence, LocalDate validUntil, Validity validity, boolean current, String problem, Instant createdAt,
		String createdBy, Instant updatedAt, String updatedBy, long version) {
}
