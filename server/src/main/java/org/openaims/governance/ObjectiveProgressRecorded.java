package org.openaims.governance;

import java.time.LocalDate;
import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** Progress of an AI objective was measured. */
public record ObjectiveProgressRecorded(UUID objectiveId, LocalDate recordedOn, String value, String note,
		ObjectiveStatus status, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of(ObjectiveService.SUBJECT, objectiveId);
	}
}
