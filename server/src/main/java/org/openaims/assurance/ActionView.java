package org.openaims.assurance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A corrective action (10.2) or a management review's action (9.3.3): who does what by when, and where it stands. */
public record ActionView(UUID id, String description, String owner, LocalDate dueDate, ActionStatus status, Instant doneAt, UUID evidenceId,
		String note, boolean overdue) {
}
