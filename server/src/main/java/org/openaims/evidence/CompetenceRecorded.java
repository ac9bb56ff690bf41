package org.openaims.evidence;

import java.util.Map;
import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** A competence record was made, with its values. */
public record CompetenceRecorded(UUID competenceId, String person, Map<String, Object> values, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of(CompetenceService.SUBJECT, competenceId);
	}
}
