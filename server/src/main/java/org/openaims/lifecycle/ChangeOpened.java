package org.openaims.lifecycle;

import java.util.Map;
import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** A change ticket was opened, with its values. */
public record ChangeOpened(UUID changeId, UUID aiSystemId, String toVersion, Map<String, Object> values, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of(ChangeService.SUBJECT, changeId);
	}
}
