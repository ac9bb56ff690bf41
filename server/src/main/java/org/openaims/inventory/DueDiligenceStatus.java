package org.openaims.inventory;

/** How far the due diligence of a vendor has come (A.10.3). */
public enum DueDiligenceStatus {
	NOT_STARTED, IN_PROGRESS, PASSED, PASSED_WITH_CONDITIONS, FAILED
}
