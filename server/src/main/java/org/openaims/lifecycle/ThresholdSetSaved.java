package org.openaims.lifecycle;

import java.util.List;
import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** A new version of an AI system's metric thresholds was saved (a draft until approved). */
public record ThresholdSetSaved(UUID thresholdSetId, UUID aiSystemId, int versionNo, List<String> thresholds, String note, Stamp stamp)
		implements Audited {

	@Override
	public Subject subject() {
		return Subject.of(MetricThresholdService.SUBJECT, thresholdSetId);
	}
}
