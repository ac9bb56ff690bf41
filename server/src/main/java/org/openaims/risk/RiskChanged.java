package org.openaims.risk;

import java.util.Map;
import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.FieldChange;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** Fields of a risk changed (old and new value per field). */
public record RiskChanged(UUID riskId, String ref, Map<String, FieldChange> changes, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of(RiskService.SUBJECT, riskId);
	}
}
