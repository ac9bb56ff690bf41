package org.openaims.ledger;

import java.time.Instant;

/** A signed tree head: the Merkle root of the first {@code treeSize} entries, signed with key {@code keyId}. */
public record CheckpointView(long treeSize, String rootHash, Instant signedAt, String keyId, String signature) {
}
