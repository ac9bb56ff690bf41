package org.openaims.common;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * When an event happened and who caused it, with an id that makes recording it idempotent (an event
 * delivered twice is recorded once).
 */
public record Stamp(UUID eventId, Instant at, Actor actor) {

	public static Stamp of(Actor actor) {
		return new Stamp(UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.MICROS), actor);
	}
}
