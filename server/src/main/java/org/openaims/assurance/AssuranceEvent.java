package org.openaims.assurance;

import java.util.Map;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/**
 * What the assurance module records in the ledger: one event class for its named events
 * ({@code NonconformityRaised}, {@code AuditItemRecorded}, {@code ManagementReviewHeld} …), with the
 * record's values or what changed.
 */
public record AssuranceEvent(String name, Subject subject, Map<String, Object> values, Stamp stamp) implements Audited {

	public AssuranceEvent {
		values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
	}

	@Override
	public String eventType() {
		return name;
	}
}
