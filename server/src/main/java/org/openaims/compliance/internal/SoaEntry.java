package org.openaims.compliance.internal;

import java.time.LocalDate;
import java.util.UUID;

import org.openaims.compliance.ImplementationStatus;

import org.springframework.data.relational.core.mapping.Table;

/** One control's line in a version (a row of {@code soa_entries}). */
@Table("soa_entries")
record SoaEntry(UUID requirementId, String refId, int position, Boolean applicable, String justification,
		ImplementationStatus status, String owner, String evidence, LocalDate lastReviewed) {
}
