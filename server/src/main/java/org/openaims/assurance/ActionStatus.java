package org.openaims.assurance;

/** A corrective action's or a review action's status. */
public enum ActionStatus {
	OPEN, DONE, CANCELLED
}
