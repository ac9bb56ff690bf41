package org.openaims.evidence;

import java.util.Map;
import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** An evidence item was added, with its values (a file's SHA-256 among them). */
public record EvidenceAdded(UUID evidenceId, String title, Map<String, Object> values, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of(EvidenceService.SUBJECT, evidenceId);
	}
}
