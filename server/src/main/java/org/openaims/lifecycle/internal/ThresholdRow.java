package org.openaims.lifecycle.internal;

import org.openaims.lifecycle.MetricThreshold;

import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code metric_thresholds}. */
@Table("metric_thresholds")
record ThresholdRow(String metric, MetricThreshold.Direction direction, double bound, String unit, String dataset, String slice) {

	MetricThreshold threshold() {
		return new MetricThreshold(metric, direction, bound, unit, dataset, slice);
	}
}
