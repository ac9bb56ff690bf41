package org.openaims.governance;

import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** A note was added to a concern, possibly moving it to another state (and closing it with a resolution). */
public record ConcernUpdated(UUID concernId, ConcernStatus from, ConcernStatus status, String note, String resolution,
		Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of(ConcernService.SUBJECT, concernId);
	}
}
