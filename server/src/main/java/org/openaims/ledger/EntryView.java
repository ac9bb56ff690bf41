package org.openaims.ledger;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/** A ledger entry as the API shows it; {@code payload} is the event's JSON (absent when only its digest is kept). */
public record EntryView(long seq, Instant time, UUID eventId, String actor, UUID actorToken, String type,
		String subjectType, String subjectId, String payloadDigest, JsonNode payload, String prevHash, String entryHash) {
}
