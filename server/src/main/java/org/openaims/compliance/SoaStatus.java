package org.openaims.compliance;

/** A Statement of Applicability version: edited as a draft, under review, then approved and immutable. */
public enum SoaStatus {
	DRAFT, IN_REVIEW, APPROVED
}
