package org.openaims.risk;

/** Where an impact assessment stands: edited, under review, or approved (and then never changed). */
public enum AssessmentStatus {
	DRAFT, IN_REVIEW, APPROVED
}
