package org.openaims.inventory;

import java.util.UUID;

import org.openaims.common.Actor;

/** An AI system was retired; it stays in the register, read-only, for the record. */
public record AiSystemRetired(UUID aiSystemId, String name, String reason, Actor actor) {
}
