package org.openaims.governance;

import java.util.Map;
import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** An AI objective was set, with its values. */
public record ObjectiveSet(UUID objectiveId, String title, Map<String, Object> values, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of(ObjectiveService.SUBJECT, objectiveId);
	}
}
