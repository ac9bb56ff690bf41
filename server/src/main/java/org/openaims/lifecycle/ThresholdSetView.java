package org.openaims.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openaims.approvals.ReviewStatus;

/** A version of an AI system's metric thresholds; {@code inForce} marks the newest approved one. */
public record ThresholdSetView(UUID id, UUID aiSystemId, String aiSystemName, int versionNo, List<MetricThreshold> thresholds, String note,
		ReviewStatus reviewStatus, boolean inForce, Instant createdAt, String createdBy) {
}
