package org.openaims.ledger;

import java.util.List;

/**
 * RFC 9162 inclusion proof of entry {@code seq} (leaf index {@code seq - 1}) in the tree of the first
 * {@code treeSize} entries with root {@code rootHash}; {@code checkpoint} is the signed checkpoint of
 * that size, if one exists.
 */
public record InclusionProof(long seq, long leafIndex, long treeSize, String leafHash, List<String> path,
		String rootHash, CheckpointView checkpoint) {
}
