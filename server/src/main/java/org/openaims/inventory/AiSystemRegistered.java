package org.openaims.inventory;

import java.util.Map;
import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** An AI system entered the register; {@code values} holds every field as entered. */
public record AiSystemRegistered(UUID aiSystemId, String name, Map<String, Object> values, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of("ai-system", aiSystemId);
	}
}
