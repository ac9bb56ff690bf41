package org.openaims.evidence;

/**
 * The AIMS role or responsibility a competence is needed for (7.2, A.4.6): the RACI letters that
 * carry work (accountable, responsible), the roles that decide or check (approver, auditor, AIMS
 * manager, risk and system owner), or another responsibility named in the record.
 */
public enum CompetenceArea {
	RACI_ACCOUNTABLE, RACI_RESPONSIBLE, APPROVER, AUDITOR, AIMS_MANAGER, RISK_OWNER, SYSTEM_OWNER, OTHER
}
