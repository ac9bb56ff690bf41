package org.openaims.assurance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A context register entry; {@code versionNo} counts its edits, {@code reviewedOn} when someone last confirmed it still holds. */
public record ContextEntryView(UUID id, ContextKind kind, String title, String description, String aiRoles, String applicableLaws,
		String requirements, boolean addressed, String howAddressed, String owner, int versionNo, LocalDate reviewedOn, String reviewedBy,
		boolean retired, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, long version) {
}
