package org.openaims.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What an accepted batch became: its id, the client's batch id, how many events (and how many arrived
 * later than the allowed lateness), the Merkle root its ledger entry records, the incidents its events
 * raised or cleared, and whether it had been accepted before ({@code duplicate}: stored once).
 */
public record BatchReceipt(UUID batchId, String clientBatchId, int events, int lateEvents, String merkleRoot, Instant firstEventAt,
		Instant lastEventAt, List<UUID> aiSystemIds, String channel, Instant receivedAt, String receivedBy, UUID ledgerEventId,
		List<String> incidentsRaised, List<String> incidentsCleared, boolean duplicate) {

	public BatchReceipt asDuplicate() {
		return new BatchReceipt(batchId, clientBatchId, events, lateEvents, merkleRoot, firstEventAt, lastEventAt, aiSystemIds, channel,
				receivedAt, receivedBy, ledgerEventId, List.of(), List.of(), true);
	}
}
