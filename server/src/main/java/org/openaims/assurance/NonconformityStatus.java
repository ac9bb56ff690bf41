package org.openaims.assurance;

/**
 * Where a nonconformity stands: a candidate (raised by the system, e.g. a deployment without an
 * allow, until someone accepts or dismisses it), open, closed (its closure approved), or dismissed.
 */
public enum NonconformityStatus {
	CANDIDATE, OPEN, CLOSED, DISMISSED
}
