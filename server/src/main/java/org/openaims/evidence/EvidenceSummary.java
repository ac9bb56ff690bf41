package org.openaims.evidence;

import java.time.LocalDate;
import java.util.UUID;

/** An evidence item as other records list it: what it is and whether it still holds. */
public record EvidenceSummary(UUID id, String title, EvidenceKind kind, LocalDate validUntil, Validity validity, Long daysLeft) {
}
