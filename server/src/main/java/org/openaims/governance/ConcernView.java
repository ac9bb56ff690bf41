package org.openaims.governance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A concern as the signed-in user may see it: {@code reporter} is null for handlers when the
 * reporter asked not to be named, and notes the reporter wrote then show as written by "reporter".
 * {@code mine} tells the reporter their own concern.
 */
public record ConcernView(UUID id, UUID aiSystemId, String aiSystemName, String summary, String description,
		String reporter, boolean anonymous, boolean mine, ConcernStatus status, String resolution, List<Note> notes,
		Instant createdAt, Instant updatedAt, long version) {

	/** A note with the state the concern was moved to when it was written. */
	public record Note(String note, ConcernStatus status, String writtenBy, Instant writtenAt) {
	}
}
