package org.openaims.governance;

/** What an approver decides. */
public enum Decision {
	APPROVE, REJECT
}
