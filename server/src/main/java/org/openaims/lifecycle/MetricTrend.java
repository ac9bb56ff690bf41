package org.openaims.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openaims.lifecycle.internal.TestRunStore;

/**
 * Each metric of an AI system across its test runs, oldest first: one series per metric, dataset and
 * slice, with the bound in force where there is one.
 */
public record MetricTrend(UUID aiSystemId, String aiSystemName, List<Series> series) {

	/** One metric's points, and the threshold that bounds it (or null). */
	public record Series(String metric, String dataset, String slice, String unit, MetricThreshold threshold, List<Point> points) {

		public double min() {
			double min = points.stream().mapToDouble(Point::value).min().orElse(0);
			return threshold == null ? min : Math.min(min, threshold.bound());
		}

		public double max() {
			double max = points.stream().mapToDouble(Point::value).max().orElse(1);
			return threshold == null ? max : Math.max(max, threshold.bound());
		}
	}

	/** A value of a run on a version. */
	public record Point(String systemVersion, UUID testRunId, Instant recordedAt, double value) {
	}

	static MetricTrend of(UUID aiSystemId, String name, List<TestRunStore.Trend> rows, ThresholdSetView inForce) {
		Map<String, List<TestRunStore.Trend>> byKey = new LinkedHashMap<>();
		rows.forEach(r -> byKey.computeIfAbsent(r.metric().name() + "\u0001" + r.metric().dataset() + "\u0001" + r.metric().slice(),
				k -> new ArrayList<>()).add(r));
		List<Series> series = new ArrayList<>();
		byKey.values().forEach(list -> {
			TestRunView.Metric first = list.get(0).metric();
			MetricThreshold bound = inForce == null ? null : inForce.thresholds().stream()
				.filter(t -> t.covers(first.name(), first.dataset(), first.slice())).findFirst().orElse(null);
			series.add(new Series(first.name(), first.dataset(), first.slice(), first.unit(), bound,
					list.stream().map(r -> new Point(r.systemVersion(), r.testRunId(), r.recordedAt(), r.metric().value())).toList()));
		});
		return new MetricTrend(aiSystemId, name, series);
	}
}
