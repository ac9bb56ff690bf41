package org.openaims.governance;

import java.util.Map;
import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.FieldChange;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** Fields of an AI objective changed. */
public record ObjectiveChanged(UUID objectiveId, String title, Map<String, FieldChange> changes, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of(ObjectiveService.SUBJECT, objectiveId);
	}
}
