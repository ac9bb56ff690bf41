package org.openaims.lifecycle;

import java.util.UUID;

import org.openaims.approvals.ReviewType;
import org.openaims.common.RecordId;

/** The id of a version of an AI system's metric thresholds; also their reviewable type. */
public record ThresholdSetId(UUID value) implements RecordId {

	public static final ReviewType<ThresholdSetId> REVIEW = ReviewType.of("metric-thresholds", "MetricThresholds", ThresholdSetId.class);
}
