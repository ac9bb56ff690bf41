package org.openaims.monitoring;

/** {@code OPEN} while it lasts; {@code RESOLVED} when the breach cleared or someone resolved it; {@code CLOSED} after the root cause is known. */
public enum IncidentStatus {
	OPEN, RESOLVED, CLOSED
}
