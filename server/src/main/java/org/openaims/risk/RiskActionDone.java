package org.openaims.risk;

import java.time.LocalDate;
import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** A treatment action of a risk was marked done, by its owner or by whoever may change the risk. */
public record RiskActionDone(UUID riskId, String ref, UUID actionId, String title, String owner, LocalDate doneOn, Stamp stamp)
		implements Audited {

	@Override
	public Subject subject() {
		return Subject.of(RiskService.SUBJECT, riskId);
	}
}
