package org.openaims.inventory;

import java.time.LocalDate;
import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/**
 * A new version of an AI system was registered. A significant one (and any recorded before versions
 * had a significance, {@code significant} null) makes its impact assessment stale and flags its risks
 * for reassessment (6.1.4, 8.2); a minor one does not.
 */
public record AiSystemVersionAdded(UUID aiSystemId, String name, String label, LocalDate releasedOn, Boolean significant, Stamp stamp)
		implements Audited {

	/** Whether the version is a significant change. */
	public boolean flagsReassessment() {
		return significant == null || significant;
	}

	@Override
	public Subject subject() {
		return Subject.of("ai-system", aiSystemId);
	}
}
