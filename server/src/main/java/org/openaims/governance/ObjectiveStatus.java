package org.openaims.governance;

/** Where an AI objective stands (6.2). Achieved, missed and cancelled objectives are closed. */
public enum ObjectiveStatus {
	NOT_STARTED, ON_TRACK, AT_RISK, ACHIEVED, MISSED, CANCELLED;

	public boolean closed() {
		return this == ACHIEVED || this == MISSED || this == CANCELLED;
	}
}
