package org.openaims.inventory;

import java.util.Map;
import java.util.UUID;

import org.openaims.common.Actor;
import org.openaims.common.FieldChange;

/** Fields of an AI system changed (old and new value per field). */
public record AiSystemChanged(UUID aiSystemId, String name, Map<String, FieldChange> changes, Actor actor) {
}
