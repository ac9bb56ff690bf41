package org.openaims.inventory;

import java.util.Map;
import java.util.UUID;

import org.openaims.common.Actor;
import org.openaims.common.FieldChange;

/** A new version of the AIMS scope statement was saved (4.3); {@code changes} compares it with the previous one. */
public record ScopeStatementRevised(UUID scopeStatementId, int versionNo, String changeNote,
		Map<String, FieldChange> changes, Actor actor) {
}
