package org.openaims.compliance;

/** How far a control is implemented; {@code NOT_APPLICABLE} exactly for excluded controls. */
public enum ImplementationStatus {
	PLANNED, PARTIAL, IMPLEMENTED, NOT_APPLICABLE
}
