package org.openaims.risk;

/** The state of a treatment action. */
public enum ActionStatus {
	OPEN, DONE, CANCELLED
}
