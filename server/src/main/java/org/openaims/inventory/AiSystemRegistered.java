package org.openaims.inventory;

import java.util.Map;
import java.util.UUID;

import org.openaims.common.Actor;

/** An AI system entered the register; {@code values} holds every field as entered. */
public record AiSystemRegistered(UUID aiSystemId, String name, Map<String, Object> values, Actor actor) {
}
