package org.openaims.inventory;

import java.util.Map;
import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;
import org.openaims.common.FieldChange;

/** A new version of the AIMS scope statement was saved (4.3); {@code changes} compares it with the previous one. */
public record ScopeStatementRevised(UUID scopeStatementId, int versionNo, String changeNote,
		Map<String, FieldChange> changes, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of("scope-statement", "aims-scope");
	}
}
