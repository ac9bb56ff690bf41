package org.openaims.compliance;

import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** A version of a Statement of Applicability was started, submitted, approved or sent back to draft. */
public record SoaVersionChanged(UUID soaId, int versionNo, SoaStatus status, String event, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of(SoaService.SUBJECT, soaId);
	}
}
