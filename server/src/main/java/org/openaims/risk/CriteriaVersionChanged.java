package org.openaims.risk;

import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** A version of the risk criteria was drafted, edited, submitted, approved, sent back or superseded (6.1.1). */
public record CriteriaVersionChanged(UUID criteriaId, int versionNo, CriteriaStatus status, String what, String definitionSha256,
		Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of(RiskCriteriaService.SUBJECT, criteriaId);
	}
}
