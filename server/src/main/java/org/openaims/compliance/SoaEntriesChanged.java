package org.openaims.compliance;

import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** Lines of a draft Statement of Applicability changed: per control reference, each field from and to. */
public record SoaEntriesChanged(UUID soaId, int versionNo, java.util.Map<String, java.util.Map<String, org.openaims.common.FieldChange>> changes, String note, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of(SoaService.SUBJECT, soaId);
	}
}
