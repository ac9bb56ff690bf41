package org.openaims.ledger.format;

import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code ledger} part of a proof bundle: one ledger entry with its event's payload, an inclusion
 * proof of the entry and the signed checkpoint the proof leads to. Signed statements and event proofs
 * carry it alike; {@link #check} verifies it offline.
 */
public final class LedgerProof {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private LedgerProof() {
	}

	/** What the check found: the entry's sequence and its event's payload (null when unreadable). */
	public record Checked(Long seq, JsonNode event) {
	}

	/**
	 * Checks the entry's hash, that the payload has the digest the entry records, that the inclusion
	 * proof leads to the checkpoint's root and that {@code key} signed the checkpoint. Problems are
	 * added to {@code problems}.
	 */
	public static Checked check(JsonNode ledger, PublicKey key, String keyId, List<String> problems) {
		Long seq = null;
		JsonNode event = null;
		try {
			JsonNode e = ledger.get("entry");
			LedgerEntry entry = new LedgerEntry(e.get("seq").asLong(), Instant.parse(text(e, "time")), UUID.fromString(text(e, "eventId")),
					text(e, "actor"), text(e, "actorToken") == null ? null : UUID.fromString(text(e, "actorToken")), text(e, "type"),
					text(e, "subjectType"), text(e, "subjectId"), text(e, "payloadDigest"), null, text(e, "prevHash"), text(e, "entryHash"));
			seq = entry.seq();
			if (!entry.hashMatches()) {
				problems.add("ledger entry " + entry.seq() + " does not match its hash");
			}
			String eventPayload = text(ledger, "payload");
			if (eventPayload == null || !Hashes.sha256Hex(eventPayload).equals(entry.payloadDigest())) {
				problems.add("the event's payload does not have the digest ledger entry " + entry.seq() + " records");
			}
			else {
				event = JSON.readTree(eventPayload);
			}
			JsonNode proof = ledger.get("inclusionProof");
			JsonNode cp = ledger.get("checkpoint");
			Checkpoint checkpoint = new Checkpoint(cp.get("treeSize").asLong(), text(cp, "rootHash"), Instant.parse(text(cp, "time")),
					text(cp, "keyId"), text(cp, "signature"));
			List<byte[]> path = new ArrayList<>();
			proof.get("hashes").forEach(h -> path.add(Hashes.unhex(h.asString())));
			long index = proof.get("leafIndex").asLong();
			long size = proof.get("treeSize").asLong();
			if (index != entry.seq() - 1 || size != checkpoint.treeSize()
					|| !MerkleProofs.verifyInclusion(entry.leafHash(), index, size, path, Hashes.unhex(checkpoint.rootHash()))) {
				problems.add("the inclusion proof of entry " + entry.seq() + " does not lead to the checkpoint's root");
			}
			if (!keyId.equalsIgnoreCase(checkpoint.keyId()) || !LedgerKeys.verify(key, checkpoint.signedContent(), checkpoint.signature())) {
				problems.add("the checkpoint of " + checkpoint.treeSize() + " entries is not signed by key " + keyId);
			}
		}
		catch (RuntimeException e) {
			problems.add("the ledger proof is incomplete or malformed" + (e.getMessage() == null ? "" : ": " + e.getMessage()));
		}
		return new Checked(seq, event);
	}

	/** The {@code ledger} part of a bundle, from its parts (the server writes it this way). */
	public static Map<String, Object> write(LedgerEntry entry, List<String> proofHashes, Checkpoint checkpoint) {
		Map<String, Object> e = new LinkedHashMap<>();
		e.put("seq", entry.seq());
		e.put("time", entry.time().toString());
		e.put("eventId", entry.eventId().toString());
		e.put("actor", entry.actor());
		e.put("actorToken", entry.actorToken() == null ? null : entry.actorToken().toString());
		e.put("type", entry.type());
		e.put("subjectType", entry.subjectType());
		e.put("subjectId", entry.subjectId());
		e.put("payloadDigest", entry.payloadDigest());
		e.put("prevHash", entry.prevHash());
		e.put("entryHash", entry.entryHash());
		Map<String, Object> proof = new LinkedHashMap<>();
		proof.put("leafIndex", entry.seq() - 1);
		proof.put("treeSize", checkpoint.treeSize());
		proof.put("hashes", proofHashes);
		Map<String, Object> cp = new LinkedHashMap<>();
		cp.put("treeSize", checkpoint.treeSize());
		cp.put("rootHash", checkpoint.rootHash());
		cp.put("time", checkpoint.time().toString());
		cp.put("keyId", checkpoint.keyId());
		cp.put("signature", checkpoint.signature());
		Map<String, Object> ledger = new LinkedHashMap<>();
		ledger.put("entry", e);
		ledger.put("payload", entry.payload());
		ledger.put("inclusionProof", proof);
		ledger.put("checkpoint", cp);
		return ledger;
	}

	static String text(JsonNode node, String field) {
		JsonNode v = node == null ? null : node.get(field);
		return v == null || v.isNull() ? null : v.asString();
	}
}
