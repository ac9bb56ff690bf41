package org.openaims.lifecycle;

/** Where a change stands: open until deployed (or rolled back, or cancelled). */
public enum ChangeStatus {
	OPEN, DEPLOYED, ROLLED_BACK, CANCELLED
}
