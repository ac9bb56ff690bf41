package org.openaims.monitoring;

import java.util.UUID;

/** A reporting rule: for the organization's role in a jurisdiction, a report type due within hours of awareness when a circumstance applies. */
public record ReportingRuleView(UUID id, String jurisdiction, String role, String reportType, String title, String legalBasis,
		Classification appliesWhen, int deadlineHours) {
}
