package org.openaims.assurance;

/** A checklist item's result (9.2). A nonconformity result opens a nonconformity. */
public enum AuditResult {
	CONFORMING, MINOR_NONCONFORMITY, MAJOR_NONCONFORMITY, OBSERVATION, OPPORTUNITY_FOR_IMPROVEMENT;

	public boolean nonconformity() {
		return this == MINOR_NONCONFORMITY || this == MAJOR_NONCONFORMITY;
	}
}
