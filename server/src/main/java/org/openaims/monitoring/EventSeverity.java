package org.openaims.monitoring;

/** How severe an operational event is, as its source says. */
public enum EventSeverity {
	DEBUG, INFO, WARNING, ERROR, CRITICAL
}
