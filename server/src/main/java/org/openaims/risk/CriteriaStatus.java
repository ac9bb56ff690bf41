package org.openaims.risk;

/** Where a version of the risk criteria stands: edited, under review, in force, or replaced by a newer approved one. */
public enum CriteriaStatus {
	DRAFT, IN_REVIEW, APPROVED, SUPERSEDED
}
