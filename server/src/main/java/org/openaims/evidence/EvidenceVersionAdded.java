package org.openaims.evidence;

import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** A new file became the current version of an evidence item; the earlier ones stay readable. */
public record EvidenceVersionAdded(UUID evidenceId, String title, int versionNo, String fileName, String sha256, long size,
		String mediaType, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of(EvidenceService.SUBJECT, evidenceId);
	}
}
