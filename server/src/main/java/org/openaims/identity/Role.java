package org.openaims.identity;

/**
 * What a user may do in OpenAIMS. A user holds one or more roles; services check them on every
 * call. Supports 5.3 and A.3.2 (roles and responsibilities).
 */
public enum Role {

	/** Administers users, tokens and configuration; may do everything a manager may. */
	ADMIN,
	/** Runs the AIMS: scope, policy, risk criteria, Statement of Applicability, audits, reviews. */
	AIMS_MANAGER,
	/** Owns AI systems: registers and maintains them, their vendors and changes. */
	SYSTEM_OWNER,
	/** Owns and treats risks, accepts residual risk within their authority. */
	RISK_OWNER,
	/** Decides approval requests (never their own). */
	APPROVER,
	/** Plans and performs internal audits; reads everything else. */
	AUDITOR,
	/**
	 * Top management (5.1, 9.3): takes part in management reviews and approves their output; may be
	 * required as approver of the AI policy (5.2). Reads everything else.
	 */
	TOP_MANAGEMENT,
	/** Adds records (test results, evidence) without owning systems. */
	CONTRIBUTOR,
	/** Reads. */
	VIEWER;

	public String authority() {
		return "ROLE_" + name();
	}
}
