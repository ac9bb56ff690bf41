package org.openaims.evidence;

import java.util.Map;
import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.FieldChange;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** Fields of an evidence item changed, its links and validity included. */
public record EvidenceChanged(UUID evidenceId, String title, Map<String, FieldChange> changes, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of(EvidenceService.SUBJECT, evidenceId);
	}
}
