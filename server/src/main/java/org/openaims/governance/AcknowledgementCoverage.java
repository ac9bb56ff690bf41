package org.openaims.governance;

import java.time.Instant;
import java.util.List;

/**
 * Who confirmed reading the published version of a policy (7.3 awareness), and which active users
 * have not yet.
 */
public record AcknowledgementCoverage(int versionNo, List<Acknowledgement> acknowledged, List<String> missing, int percent) {

	/** A user's confirmation. */
	public record Acknowledgement(String username, Instant at) {
	}
}
