package org.openaims.identity;

/**
 * Where a grant of an approving role stands: pending a second administrator's approval, granted,
 * refused, withdrawn (the role was taken out of the change) or void (the account was disabled).
 */
public enum RoleGrantStatus {
	PENDING, GRANTED, REFUSED, WITHDRAWN, VOID
}
