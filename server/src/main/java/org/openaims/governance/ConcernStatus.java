package org.openaims.governance;

/** Triage states of a concern (A.3.3). Resolved and dismissed concerns are closed and carry a resolution. */
public enum ConcernStatus {
	NEW, TRIAGED, INVESTIGATING, RESOLVED, DISMISSED;

	public boolean closed() {
		return this == RESOLVED || this == DISMISSED;
	}
}
