package org.openaims.approvals;

/** What an approver decides. */
public enum Decision {
	APPROVE, REJECT
}
