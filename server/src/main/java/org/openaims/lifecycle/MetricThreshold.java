package org.openaims.lifecycle;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A bound a metric must keep, e.g. accuracy at least 0.92, demographic parity difference at most
 * 0.05, toxicity rate at most 0.01; optionally only on one dataset and slice (without them it applies
 * to every dataset and slice the metric is reported on).
 */
public record MetricThreshold(@NotBlank @Size(max = 200) String metric, @NotNull Direction direction, @NotNull Double bound,
		@Size(max = 40) String unit, @Size(max = 300) String dataset, @Size(max = 200) String slice) {

	/** Which side of the bound passes. */
	public enum Direction {
		AT_LEAST, AT_MOST;

		public boolean passes(double value, double bound) {
			return this == AT_LEAST ? value >= bound : value <= bound;
		}

		public String symbol() {
			return this == AT_LEAST ? "≥" : "≤";
		}
	}

	/** Whether a metric reported on {@code dataset} / {@code slice} is the one this bounds. */
	public boolean covers(String metricName, String metricDataset, String metricSlice) {
		return metric.equals(metricName) && (dataset == null || dataset.equals(metricDataset)) && (slice == null || slice.equals(metricSlice));
	}

	/** A measured value as people write it: four significant digits, no trailing zeros (0.9, 0.9312, 1.5e-05). */
	public static String number(double value) {
		return String.format(java.util.Locale.ROOT, "%.4g", value).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replaceAll("\\.(e|$)", "$1");
	}

	/** e.g. {@code accuracy ≥ 0.92 (holdout / gender)}. */
	public String describe() {
		String where = dataset == null && slice == null ? ""
				: " (" + (dataset == null ? "any dataset" : dataset) + (slice == null ? "" : " / " + slice) + ")";
		return metric + " " + direction.symbol() + " " + bound + (unit == null ? "" : " " + unit) + where;
	}
}
