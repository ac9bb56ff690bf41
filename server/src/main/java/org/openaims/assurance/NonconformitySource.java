package org.openaims.assurance;

/** Where a nonconformity was found (10.2). */
public enum NonconformitySource {
	INTERNAL_AUDIT, EXTERNAL_AUDIT, INCIDENT, MONITORING, DEPLOYMENT_WITHOUT_ALLOW, CONCERN, MANAGEMENT_REVIEW
}
