package org.openaims.inventory;

import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** An AI system was retired; it stays in the register, read-only, for the record. */
public record AiSystemRetired(UUID aiSystemId, String name, String reason, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of("ai-system", aiSystemId);
	}
}
