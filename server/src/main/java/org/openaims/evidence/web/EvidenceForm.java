package org.openaims.evidence.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.openaims.evidence.EvidenceKind;

/**
 * The evidence form of the pages: one form for every kind (the file comes as its own multipart part);
 * requirements and records are written one per line or separated by commas.
 */
record EvidenceForm(@NotNull EvidenceKind kind, @NotBlank @Size(max = 300) String title, @Size(max = 4000) String description,
		@Size(max = 64) String owner, @Size(max = 2000) String url, @Size(max = 200) String record, LocalDate effectiveFrom,
		LocalDate effectiveTo, LocalDate receivedOn, LocalDate validUntil, @Size(max = 4000) String requirements,
		List<UUID> aiSystemIds, @Size(max = 4000) String records, @Size(max = 1000) String note, Long version) {
}
