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
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		return new Stamp(timeOrderedId(now), now, actor);
	}

	/**
	 * A version 7 UUID (RFC 9562): 48 bits of Unix milliseconds, then random bits. Ids made later sort
	 * later, which keeps the ledger's unique index on event ids appending at its end.
	 */
	static UUID timeOrderedId(Instant time) {
		java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
		long most = (time.toEpochMilli() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
		long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(most, least);
	}
}
