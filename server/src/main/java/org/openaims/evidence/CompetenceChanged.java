package org.openaims.evidence;

import java.util.Map;
import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.FieldChange;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** Fields of a competence record changed (its evidence or validity, say). */
public record CompetenceChanged(UUID competenceId, String person, Map<String, FieldChange> changes, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of(CompetenceService.SUBJECT, competenceId);
	}
}
