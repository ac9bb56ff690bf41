package org.openaims.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/**
 * A batch of operational events was accepted: one ledger entry per batch, carrying the RFC 9162
 * Merkle root over the events' leaves ({@code SHA-256(0x00 || canonical JSON)}), so that each event
 * can be proven part of it, and the SHA-256 of the request body.
 */
public record EventBatchAccepted(UUID batchId, String clientBatchId, int events, int lateEvents, String merkleRoot, String contentDigest,
		Instant firstEventAt, Instant lastEventAt, List<UUID> aiSystemIds, String channel, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of(EventIngest.SUBJECT, batchId);
	}
}
