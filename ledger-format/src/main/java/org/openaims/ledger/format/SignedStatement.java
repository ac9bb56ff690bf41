package org.openaims.ledger.format;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A statement the ledger signs and proves: an in-toto Statement v1 (itself unsigned) in a DSSE
 * envelope signed with the ledger's Ed25519 key over DSSE's pre-authentication encoding (PAE), with
 * the ledger entry that recorded it (whose event carries the SHA-256 of the statement), an inclusion
 * proof of that entry and the signed checkpoint the proof leads to. Each kind of signed document has a
 * {@code payloadType} of its own, so a signature over one kind is never accepted as another.
 *
 * <p>{@link #verify} checks all of it offline, against the key id the verifier expects.
 */
public final class SignedStatement {

	public static final String FORMAT = "openaims-signed-statement";

	public static final int VERSION = 1;

	/** The in-toto Statement type. */
	public static final String STATEMENT_TYPE = "https://in-toto.io/Statement/v1";

	/** The payload type of release-gate decisions. */
	public static final String GATE_DECISION = "application/vnd.openaims.gate-decision.in-toto+json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SignedStatement() {
	}

	/** DSSE's pre-authentication encoding: {@code DSSEv1 <len(type)> <type> <len(body)> <body>}. */
	public static byte[] pae(String payloadType, byte[] payload) {
		byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
		byte[] head = ("DSSEv1 " + type.length + " " + payloadType + " " + payload.length + " ").getBytes(StandardCharsets.UTF_8);
		byte[] out = new byte[head.length + payload.length];
		System.arraycopy(head, 0, out, 0, head.length);
		System.arraycopy(payload, 0, out, head.length, payload.length);
		return out;
	}

	/** What verification found: valid, or the problems; the statement and ledger sequence when readable. */
	public record Result(boolean valid, List<String> problems, String payloadType, String statement, Long seq, String keyId) {
	}

	/**
	 * Verifies a signed statement: the signer's key is {@code expectedKeyId}, the DSSE signature holds,
	 * the payload is an in-toto Statement v1 of a known type, the ledger entry is intact and records this
	 * statement's SHA-256, the inclusion proof leads to the checkpoint's root, and the checkpoint is
	 * signed by the same key.
	 */
	public static Result verify(String json, String expectedKeyId) {
		List<String> problems = new ArrayList<>();
		JsonNode root;
		try {
			root = JSON.readTree(json);
		}
		catch (JacksonException e) {
			return new Result(false, List.of("not JSON: " + e.getOriginalMessage()), null, null, null, null);
		}
		if (root == null || !root.isObject() || !FORMAT.equals(text(root, "format"))) {
			return new Result(false, List.of("not an OpenAIMS signed statement (format must be " + FORMAT + ")"), null, null, null, null);
		}
		PublicKey key;
		String keyId;
		try {
			key = LedgerKeys.publicKey(text(root, "publicKey"));
			keyId = LedgerKeys.keyId(key);
		}
		catch (RuntimeException e) {
			return new Result(false, List.of("the public key cannot be read"), null, null, null, null);
		}
		if (expectedKeyId != null && !expectedKeyId.equalsIgnoreCase(keyId)) {
			problems.add("signed with key " + keyId + ", not the expected " + expectedKeyId);
		}
		JsonNode envelope = root.get("dsseEnvelope");
		String payloadType = envelope == null ? null : text(envelope, "payloadType");
		byte[] payload;
		try {
			payload = Base64.getDecoder().decode(envelope == null ? "" : text(envelope, "payload"));
		}
		catch (RuntimeException e) {
			return new Result(false, List.of("the envelope's payload is not Base64"), payloadType, null, null, keyId);
		}
		if (!GATE_DECISION.equals(payloadType)) {
			problems.add("unknown payload type '" + payloadType + "'");
		}
		boolean signed = false;
		JsonNode signatures = envelope == null ? null : envelope.get("signatures");
		if (signatures != null && signatures.isArray()) {
			for (JsonNode s : signatures) {
				if (keyId.equalsIgnoreCase(text(s, "keyid")) && payloadType != null
						&& LedgerKeys.verify(key, pae(payloadType, payload), text(s, "sig"))) {
					signed = true;
				}
			}
		}
		if (!signed) {
			problems.add("no valid DSSE signature by key " + keyId);
		}
		String statement = new String(payload, StandardCharsets.UTF_8);
		try {
			JsonNode st = JSON.readTree(payload);
			if (!STATEMENT_TYPE.equals(text(st, "_type")) || st.get("subject") == null || !st.get("subject").isArray()
					|| text(st, "predicateType") == null) {
				problems.add("the payload is not an in-toto Statement v1");
			}
		}
		catch (JacksonException e) {
			problems.add("the payload is not JSON");
		}
		String statementDigest = Hashes.hex(Hashes.sha256(payload));
		LedgerProof.Checked checked = LedgerProof.check(root.get("ledger"), key, keyId, problems);
		Long seq = checked.seq();
		if (checked.event() != null && !statementDigest.equals(text(checked.event(), "statementDigest"))) {
			problems.add("ledger entry " + seq + " records another statement (SHA-256 " + text(checked.event(), "statementDigest") + ", this one is "
					+ statementDigest + ")");
		}
		return new Result(problems.isEmpty(), List.copyOf(problems), payloadType, statement, seq, keyId);
	}

	/** The bundle as JSON, from its parts (the server writes it this way). */
	public static String write(Map<String, Object> envelope, String publicKey, LedgerEntry entry, List<String> proofHashes, Checkpoint checkpoint) {
		Map<String, Object> ledger = LedgerProof.write(entry, proofHashes, checkpoint);
		Map<String, Object> bundle = new LinkedHashMap<>();
		bundle.put("format", FORMAT);
		bundle.put("version", VERSION);
		bundle.put("dsseEnvelope", envelope);
		bundle.put("publicKey", publicKey);
		bundle.put("ledger", ledger);
		return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(bundle);
	}

	private static String text(JsonNode node, String field) {
		JsonNode v = node == null ? null : node.get(field);
		return v == null || v.isNull() ? null : v.asString();
	}
}
