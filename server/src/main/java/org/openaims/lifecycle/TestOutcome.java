package org.openaims.lifecycle;

/** How a test case ended. */
public enum TestOutcome {
	PASSED, FAILED, ERROR, SKIPPED
}
