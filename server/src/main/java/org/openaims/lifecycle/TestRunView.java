package org.openaims.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A test run of an AI system version: what was run on which data and build, the summary counted from
 * its test cases (with the totals the files declared, when they say otherwise), its metrics, the files
 * it came in (kept as evidence) and the first failing cases ({@code failedCount} says how many there
 * are; {@code /failures} pages through all of them).
 */
public record TestRunView(UUID id, UUID aiSystemId, String aiSystemName, String systemVersion, String dataset, String commitRef,
		String evaluator, Summary summary, Totals declared, boolean totalsDisagree, List<Metric> metrics, List<ReportFile> files,
		int failedCount, List<FailedCase> failures, Instant createdAt, String createdBy) {

	/** Counted from the cases: {@code passed} includes {@code flaky} (passed on a rerun). */
	public record Summary(int tests, int passed, int failures, int errors, int skipped, int flaky, long durationMillis) {

		public boolean passing() {
			return failures == 0 && errors == 0;
		}
	}

	/** The totals a file declares for itself (any may be absent). */
	public record Totals(Integer tests, Integer failures, Integer errors, Integer skipped) {
	}

	/**
	 * A metric of the run. Aggregated evaluation events carry their {@code count} and the share of
	 * passing labels ({@code passShare}).
	 */
	public record Metric(String name, double value, String unit, String dataset, String slice, Integer count, Double passShare) {
	}

	/** A failing case: the suites around it (outermost first), class, name, how it failed, message and detail. */
	public record FailedCase(String suite, String className, String name, TestOutcome outcome, String message, String detail) {
	}

	/** A file the run came in, kept as an evidence item. */
	public record ReportFile(String kind, String name, UUID evidenceId, String sha256, long size) {
	}
}
