package org.openaims.ledger.format;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A signed tree head: the Merkle root of the first {@code treeSize} entries at a time, signed with
 * the ledger's Ed25519 key ({@code keyId} names the key).
 */
public record Checkpoint(long treeSize, String rootHash, Instant time, String keyId, String signature) {

	/** The bytes that are signed: canonical JSON of tree size, root hash, time and key id. */
	public static byte[] signedContent(long treeSize, String rootHash, Instant time, String keyId) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("keyId", keyId);
		fields.put("rootHash", rootHash);
		fields.put("time", time.toString());
		fields.put("treeSize", treeSize);
		return CanonicalJson.object(fields).getBytes(StandardCharsets.UTF_8);
	}

	public byte[] signedContent() {
		return signedContent(treeSize, rootHash, time, keyId);
	}
}
