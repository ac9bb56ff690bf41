package org.openaims.monitoring;

/** How severe an incident is for the organization. */
public enum IncidentSeverity {
	LOW, MEDIUM, HIGH, CRITICAL
}
