package org.openaims.ledger;

import java.util.List;

/** RFC 9162 consistency proof: the tree of {@code first} entries is a prefix of the tree of {@code second}. */
public record ConsistencyProof(long first, long second, String firstRoot, String secondRoot, List<String> path,
		CheckpointView firstCheckpoint, CheckpointView secondCheckpoint) {
}
