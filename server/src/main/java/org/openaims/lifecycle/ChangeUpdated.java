package org.openaims.lifecycle;

import java.util.Map;
import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.FieldChange;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** A change ticket was edited (its rollback plan, linked runs, text) or changed status; what changed. */
public record ChangeUpdated(UUID changeId, Map<String, FieldChange> changes, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of(ChangeService.SUBJECT, changeId);
	}
}
