package org.openaims.lifecycle;

import java.util.List;
import java.util.UUID;

/**
 * Metrics against the thresholds in force: per threshold the values found (every dataset and slice
 * it covers), and whether it passed; {@code passed} overall when every threshold did. Without
 * thresholds in force ({@code thresholdSetId} null) nothing passes.
 */
public record MetricEvaluation(UUID thresholdSetId, Integer thresholdVersion, List<ThresholdVerdict> verdicts, boolean passed) {

	/** One threshold: what was found ({@code null} when no metric it covers was reported) and the verdict. */
	public record ThresholdVerdict(MetricThreshold threshold, List<Found> found, Verdict verdict) {
	}

	/** A value found for a threshold, with where it was measured and in which run. */
	public record Found(double value, String dataset, String slice, UUID testRunId) {
	}

	public enum Verdict {
		PASS, FAIL, MISSING
	}
}
