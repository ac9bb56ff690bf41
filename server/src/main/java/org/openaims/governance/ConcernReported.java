package org.openaims.governance;

import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/**
 * A concern was reported. The description is recorded by its SHA-256 only (it may be sensitive); an
 * anonymous report is stamped with the actor "anonymous".
 */
public record ConcernReported(UUID concernId, UUID aiSystemId, String summary, String descriptionSha256, boolean anonymous,
		Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of(ConcernService.SUBJECT, concernId);
	}
}
