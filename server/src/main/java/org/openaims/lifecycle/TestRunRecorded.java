package org.openaims.lifecycle;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/**
 * A test run was recorded: its system and version, summary, the SHA-256 of every file it came in and
 * its metrics — so the ledger proves what the run said.
 */
public record TestRunRecorded(UUID testRunId, UUID aiSystemId, String systemVersion, String commitRef, Map<String, Object> summary,
		List<String> fileDigests, List<Map<String, Object>> metrics, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of(TestRunService.SUBJECT, testRunId);
	}
}
