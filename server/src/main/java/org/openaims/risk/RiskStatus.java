package org.openaims.risk;

/**
 * Where a risk stands: identified and assessed, being treated, its residual level waiting for
 * acceptance, accepted by someone allowed to, or closed.
 */
public enum RiskStatus {
	OPEN, TREATMENT, ACCEPTANCE_REQUESTED, ACCEPTED, CLOSED
}
