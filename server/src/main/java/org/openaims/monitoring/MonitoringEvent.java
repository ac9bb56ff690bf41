package org.openaims.monitoring;

import java.util.Map;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/**
 * What the monitoring module records in the ledger besides batches: one event class for its named
 * events ({@code MonitoringRuleSaved}, {@code IncidentRaised}, {@code IncidentReportSubmitted} …).
 */
public record MonitoringEvent(String name, Subject subject, Map<String, Object> values, Stamp stamp) implements Audited {

	public MonitoringEvent {
		values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
	}

	@Override
	public String eventType() {
		return name;
	}
}
