package org.openaims.inventory;

import java.time.LocalDate;
import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/**
 * A new version of an AI system was registered, a significant change that makes its impact
 * assessment stale and flags its risks for reassessment (6.1.4, 8.2).
 */
public record AiSystemVersionAdded(UUID aiSystemId, String name, String label, LocalDate releasedOn, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of("ai-system", aiSystemId);
	}
}
