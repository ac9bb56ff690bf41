package org.openaims.governance;

/** The life cycle of a policy version (A.2.2-A.2.4): only a published version is in force. */
public enum PolicyStatus {
	DRAFT, IN_REVIEW, APPROVED, PUBLISHED, RETIRED
}
