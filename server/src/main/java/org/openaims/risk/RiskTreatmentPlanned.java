package org.openaims.risk;

import java.util.Map;
import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.FieldChange;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/**
 * The treatment plan of a risk changed (6.1.3, 8.3): option, note, target scores and actions with the
 * controls they implement, as old and new values.
 */
public record RiskTreatmentPlanned(UUID riskId, String ref, TreatmentOption option, Map<String, FieldChange> changes, Stamp stamp)
		implements Audited {

	@Override
	public Subject subject() {
		return Subject.of(RiskService.SUBJECT, riskId);
	}
}
