package org.openaims.ledger.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.erdtman.jcs.JsonCanonicalizer;
import org.erdtman.jcs.NumberToJSON;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Proof that one operational event was part of an accepted batch: the event's canonical JSON (RFC
 * 8785) — or, once its body was purged, only its leaf hash —, the audit path from its leaf
 * ({@code SHA-256(0x00 || canonical JSON)}) to the batch's Merkle root (RFC 9162), the ledger entry
 * whose event records that root, an inclusion proof of the entry and the signed checkpoint it leads
 * to. {@link #verify} checks all of it offline.
 */
public final class EventProof {

	public static final String FORMAT = "openaims-event-proof";

	public static final int VERSION = 1;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private EventProof() {
	}

	/** The canonical JSON (RFC 8785) of an event: objects of strings, integers, finite doubles, booleans, nulls, nested objects. */
	public static String canonical(Map<String, ?> event) {
		StringBuilder out = new StringBuilder(256);
		object(out, event);
		return out.toString();
	}

	private static void object(StringBuilder out, Map<String, ?> fields) {
		out.append('{');
		boolean first = true;
		for (Map.Entry<String, ?> field : new TreeMap<>(fields).entrySet()) {
			if (!first) {
				out.append(',');
			}
			first = false;
			CanonicalJson.string(out, field.getKey());
			out.append(':');
			Object v = field.getValue();
			if (v instanceof Map<?, ?> m) {
				@SuppressWarnings("unchecked")
				Map<String, ?> nested = (Map<String, ?>) m;
				object(out, nested);
			}
			else if (v instanceof Double || v instanceof Float) {
				out.append(number(((Number) v).doubleValue()));
			}
			else {
				CanonicalJson.value(out, v);
			}
		}
		out.append('}');
	}

	/** A number as RFC 8785 writes it (ECMAScript's shortest round-trip form); NaN and infinities are refused. */
	public static String number(double d) {
		if (Double.isNaN(d) || Double.isInfinite(d)) {
			throw new IllegalArgumentException("JSON has no " + d);
		}
		try {
			return NumberToJSON.serializeNumber(d);
		}
		catch (IOException e) {
			throw new IllegalArgumentException(e.getMessage(), e);
		}
	}

	/** The leaf hash of an event's canonical JSON. */
	public static byte[] leaf(String canonical) {
		return Hashes.leaf(canonical.getBytes(StandardCharsets.UTF_8));
	}

	/** What verification found. */
	public record Result(boolean valid, List<String> problems, Long seq, String keyId, String batchId, long index, boolean purged,
			String event) {
	}

	/** The bundle as JSON, from its parts (the server writes it this way). */
	public static String write(String batchId, int index, String canonical, byte[] leaf, String purgedAt, int batchSize, byte[] root,
			List<byte[]> path, String publicKey, LedgerEntry entry, List<String> ledgerPath, Checkpoint checkpoint) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("batchId", batchId);
		event.put("index", index);
		event.put("leafHash", Hashes.hex(leaf));
		event.put("canonical", canonical);
		event.put("purgedAt", purgedAt);
		Map<String, Object> batch = new LinkedHashMap<>();
		batch.put("size", batchSize);
		batch.put("merkleRoot", Hashes.hex(root));
		batch.put("path", path.stream().map(Hashes::hex).toList());
		Map<String, Object> bundle = new LinkedHashMap<>();
		bundle.put("format", FORMAT);
		bundle.put("version", VERSION);
		bundle.put("event", event);
		bundle.put("batch", batch);
		bundle.put("publicKey", publicKey);
		bundle.put("ledger", LedgerProof.write(entry, ledgerPath, checkpoint));
		return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(bundle);
	}

	/**
	 * Verifies an event proof against the key id the verifier expects (null: the key the file carries):
	 * the event's canonical JSON (when kept) hashes to the leaf, the path leads from the leaf to the
	 * batch's root, the ledger entry's event records that root, size and batch, and the entry is proven
	 * in a checkpoint the key signed.
	 */
	public static Result verify(String json, String expectedKeyId) {
		List<String> problems = new ArrayList<>();
		JsonNode root;
		try {
			root = JSON.readTree(json);
		}
		catch (JacksonException e) {
			return new Result(false, List.of("not JSON: " + e.getOriginalMessage()), null, null, null, -1, false, null);
		}
		if (root == null || !root.isObject() || !FORMAT.equals(LedgerProof.text(root, "format"))) {
			return new Result(false, List.of("not an OpenAIMS event proof (format must be " + FORMAT + ")"), null, null, null, -1, false, null);
		}
		PublicKey key;
		String keyId;
		try {
			key = LedgerKeys.publicKey(LedgerProof.text(root, "publicKey"));
			keyId = LedgerKeys.keyId(key);
		}
		catch (RuntimeException e) {
			return new Result(false, List.of("the public key cannot be read"), null, null, null, -1, false, null);
		}
		if (expectedKeyId != null && !expectedKeyId.equalsIgnoreCase(keyId)) {
			problems.add("signed with key " + keyId + ", not the expected " + expectedKeyId);
		}
		String batchId = null;
		long index = -1;
		boolean purged = false;
		String canonical = null;
		byte[] batchRoot = null;
		long size = -1;
		try {
			JsonNode event = root.get("event");
			JsonNode batch = root.get("batch");
			batchId = LedgerProof.text(event, "batchId");
			index = event.get("index").asLong();
			byte[] leaf = Hashes.unhex(LedgerProof.text(event, "leafHash"));
			canonical = LedgerProof.text(event, "canonical");
			purged = canonical == null;
			if (canonical != null) {
				if (!canonical.equals(new JsonCanonicalizer(canonical).getEncodedString())) {
					problems.add("the event is not in canonical JSON (RFC 8785)");
				}
				if (!java.util.Arrays.equals(leaf, leaf(canonical))) {
					problems.add("the event does not hash to its leaf " + Hashes.hex(leaf));
				}
			}
			size = batch.get("size").asLong();
			batchRoot = Hashes.unhex(LedgerProof.text(batch, "merkleRoot"));
			List<byte[]> path = new ArrayList<>();
			batch.get("path").forEach(h -> path.add(Hashes.unhex(h.asString())));
			if (!MerkleProofs.verifyInclusion(leaf, index, size, path, batchRoot)) {
				problems.add("the path of event " + index + " does not lead to the batch's Merkle root");
			}
		}
		catch (IOException | RuntimeException e) {
			problems.add("the event or batch part is incomplete or malformed" + (e.getMessage() == null ? "" : ": " + e.getMessage()));
		}
		LedgerProof.Checked checked = LedgerProof.check(root.get("ledger"), key, keyId, problems);
		if (checked.event() != null && batchRoot != null) {
			JsonNode recorded = checked.event();
			if (!Hashes.hex(batchRoot).equals(LedgerProof.text(recorded, "merkleRoot"))) {
				problems.add("ledger entry " + checked.seq() + " records another Merkle root (" + LedgerProof.text(recorded, "merkleRoot") + ")");
			}
			if (recorded.get("events") == null || recorded.get("events").asLong() != size) {
				problems.add("ledger entry " + checked.seq() + " records a batch of another size");
			}
			if (batchId == null || !batchId.equals(LedgerProof.text(recorded, "batchId"))) {
				problems.add("ledger entry " + checked.seq() + " records another batch");
			}
		}
		return new Result(problems.isEmpty(), List.copyOf(problems), checked.seq(), keyId, batchId, index, purged, canonical);
	}
}
