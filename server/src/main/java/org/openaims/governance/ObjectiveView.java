package org.openaims.governance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An AI objective with the systems it concerns and its progress, oldest first. {@code overdue}: past
 * its due date and not closed.
 */
public record ObjectiveView(UUID id, String title, String measure, String target, String owner, LocalDate dueDate,
		ObjectiveStatus status, boolean overdue, List<SystemRef> aiSystems, List<Progress> progress, Instant createdAt,
		String createdBy, Instant updatedAt, long version) {

	/** A linked AI system. */
	public record SystemRef(UUID id, String name) {
	}

	/** One progress update. */
	public record Progress(LocalDate recordedOn, String value, String note, String recordedBy, Instant recordedAt) {
	}

	/** The latest measured value, if any. */
	public String latestValue() {
		return progress.isEmpty() ? null : progress.get(progress.size() - 1).value();
	}
}
