package org.openaims.assurance;

/** Where an audit stands: planned, in progress (its checklist generated), reported (its report issued). */
public enum AuditStatus {
	PLANNED, IN_PROGRESS, REPORTED
}
