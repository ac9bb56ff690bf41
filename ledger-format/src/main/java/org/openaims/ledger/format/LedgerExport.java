package org.openaims.ledger.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger export file: JSON Lines. The first line is a header (range, public key, the hash and
 * Merkle frontier of the entries before the range); then the entries in order, each signed checkpoint
 * right after the entry that completes its tree; an export that ends between checkpoints ends with
 * the next checkpoint and a consistency proof that the exported entries are a prefix of its tree.
 * {@link #verify} checks such a file with nothing but the file (and, preferably, the key id the
 * organization publishes); every exported entry must be covered by a signed checkpoint.
 *
 * <p>Reading is strict: a line with a field the format does not have, a key given twice, or an
 * entry without its {@code payload} (or, from version 2, whose {@code payloadKept} flag contradicts
 * it) is refused — whatever is accepted is exactly what was verified.
 */
public final class LedgerExport {

	public static final String FORMAT = "openaims-ledger-export";

	public static final int VERSION = 2;

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	static final java.util.Set<String> HEADER_FIELDS = java.util.Set.of("format", "version", "from", "to", "startPrevHash",
			"startFrontier", "algorithm", "publicKey", "keyId", "exportedAt");

	static final java.util.Set<String> ENTRY_FIELDS_V1 = java.util.Set.of("kind", "seq", "time", "eventId", "actor",
			"actorToken", "type", "subjectType", "subjectId", "payloadDigest", "payload", "prevHash", "entryHash");

	static final java.util.Set<String> ENTRY_FIELDS = union(ENTRY_FIELDS_V1, "payloadKept");

	static final java.util.Set<String> CHECKPOINT_FIELDS = java.util.Set.of("kind", "treeSize", "rootHash", "time", "keyId",
			"signature");

	static final java.util.Set<String> CONSISTENCY_FIELDS = union(CHECKPOINT_FIELDS, "path");

	private LedgerExport() {
	}

	/** The first line of an export. */
	public record Header(long from, long to, String startPrevHash, List<String> startFrontier, String publicKey,
			String keyId, Instant exportedAt) {
	}

	/** Writes an export line by line. */
	public static final class Output {

		private final Writer out;

		public Output(Writer out) {
			this.out = out;
		}

		public void header(Header header) throws IOException {
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("format", FORMAT);
			line.put("version", VERSION);
			line.put("from", header.from());
			line.put("to", header.to());
			line.put("startPrevHash", header.startPrevHash());
			line.put("startFrontier", header.startFrontier());
			line.put("algorithm", LedgerKeys.ALGORITHM);
			line.put("publicKey", header.publicKey());
			line.put("keyId", header.keyId());
			line.put("exportedAt", header.exportedAt().toString());
			write(line);
		}

		public void entry(LedgerEntry e) throws IOException {
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("kind", "entry");
			line.put("seq", e.seq());
			line.put("time", e.time().toString());
			line.put("eventId", e.eventId().toString());
			line.put("actor", e.actor());
			line.put("actorToken", e.actorToken() == null ? null : e.actorToken().toString());
			line.put("type", e.type());
			line.put("subjectType", e.subjectType());
			line.put("subjectId", e.subjectId());
			line.put("payloadDigest", e.payloadDigest());
			line.put("payload", e.payload());
			line.put("payloadKept", e.payload() != null);
			line.put("prevHash", e.prevHash());
			line.put("entryHash", e.entryHash());
			write(line);
		}

		public void checkpoint(Checkpoint c) throws IOException {
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("kind", "checkpoint");
			line.put("treeSize", c.treeSize());
			line.put("rootHash", c.rootHash());
			line.put("time", c.time().toString());
			line.put("keyId", c.keyId());
			line.put("signature", c.signature());
			write(line);
		}

		/** A later checkpoint with the proof that the exported entries are a prefix of its tree. */
		public void consistency(Checkpoint later, List<String> proof) throws IOException {
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("kind", "consistency");
			line.put("treeSize", later.treeSize());
			line.put("rootHash", later.rootHash());
			line.put("time", later.time().toString());
			line.put("keyId", later.keyId());
			line.put("signature", later.signature());
			line.put("path", proof);
			write(line);
		}

		private void write(Map<String, Object> line) throws IOException {
			out.write(JSON.writeValueAsString(line));
			out.write('\n');
		}

		public void flush() throws IOException {
			out.flush();
		}
	}

	/** A file that cannot be read as an export; {@code line} is where reading stopped. */
	public static final class MalformedExport extends Exception {

		private final long line;

		MalformedExport(long line, String message) {
			super("line " + line + ": " + message);
			this.line = line;
		}

		public long line() {
			return line;
		}
	}

	/**
	 * The verdict on an export, with the header (the starting key), whether that key was pinned by
	 * the caller, how many entries carry only their payload's digest, the key in force at the end,
	 * and — when asked for — every line as it was read (to show nothing was left out).
	 */
	public record Result(Verification verification, Header header, boolean keyPinned, long digestOnlyEntries,
			String keyInForce, long rotations, List<Object> lines) {
	}

	/**
	 * Verifies an export. With {@code expectedKeyId}, refuses a file signed with another key (an
	 * attacker can re-sign a forged ledger with a key of their own; the key id shows whose it is).
	 */
	public static Result verify(BufferedReader in, String expectedKeyId) throws IOException, MalformedExport {
		return verify(in, expectedKeyId, null, false);
	}

	/**
	 * Verifies an export against a pinned key id or public key (Base64 X.509, as the ledger's
	 * {@code public-key} endpoint gives it), either may be null; with {@code keepLines} the result
	 * carries every line read (headers, entries, checkpoints, consistency lines).
	 */
	public static Result verify(BufferedReader in, String expectedKeyId, String expectedPublicKey, boolean keepLines)
			throws IOException, MalformedExport {
		long number = 1;
		String first = in.readLine();
		if (first == null) {
			throw new MalformedExport(1, "the file is empty");
		}
		JsonNode headerNode = parse(first, number);
		Header header = header(headerNode);
		int version = headerNode.path("version").asInt();
		String pinnedId = expectedKeyId;
		if (expectedPublicKey != null) {
			try {
				pinnedId = LedgerKeys.keyId(LedgerKeys.publicKey(expectedPublicKey.strip()));
			}
			catch (IllegalArgumentException e) {
				throw new MalformedExport(0, "the pinned public key is not an Ed25519 key: " + e.getMessage());
			}
			if (expectedKeyId != null && !expectedKeyId.equalsIgnoreCase(pinnedId)) {
				throw new MalformedExport(0, "the pinned key id " + expectedKeyId + " is not the id of the pinned key (" + pinnedId + ")");
			}
		}
		if (pinnedId != null && !pinnedId.equalsIgnoreCase(header.keyId())) {
			throw new MalformedExport(1, "the file is signed with key " + header.keyId() + ", not the expected " + pinnedId);
		}
		PublicKey key;
		try {
			key = LedgerKeys.publicKey(header.publicKey());
		}
		catch (IllegalArgumentException e) {
			throw new MalformedExport(1, e.getMessage());
		}
		if (!LedgerKeys.keyId(key).equalsIgnoreCase(header.keyId())) {
			throw new MalformedExport(1, "the key id does not belong to the public key");
		}
		LedgerVerifier verifier;
		try {
			verifier = new LedgerVerifier(key, header.from(), header.startPrevHash(),
					Frontier.of(header.from() - 1, header.startFrontier()));
		}
		catch (IllegalArgumentException e) {
			throw new MalformedExport(1, "the start frontier does not fit the range: " + e.getMessage());
		}
		List<Object> lines = keepLines ? new ArrayList<>() : null;
		if (keepLines) {
			lines.add(header);
		}
		long digestOnly = 0;
		String line;
		while ((line = in.readLine()) != null && verifier.needsMore()) {
			number++;
			if (line.isBlank()) {
				continue;
			}
			JsonNode node = parse(line, number);
			try {
				switch (text(node, "kind")) {
					case "entry" -> {
						requireFields(node, version == 1 ? ENTRY_FIELDS_V1 : ENTRY_FIELDS, number);
						LedgerEntry entry = entry(node, version, number);
						if (entry.payload() == null) {
							digestOnly++;
						}
						verifier.entry(entry);
						if (keepLines) {
							lines.add(entry);
						}
					}
					case "checkpoint" -> {
						requireFields(node, CHECKPOINT_FIELDS, number);
						Checkpoint checkpoint = checkpoint(node);
						verifier.checkpoint(checkpoint);
						if (keepLines) {
							lines.add(checkpoint);
						}
					}
					case "consistency" -> {
						requireFields(node, CONSISTENCY_FIELDS, number);
						List<byte[]> proof = new ArrayList<>();
						List<String> path = new ArrayList<>();
						for (JsonNode h : node.get("path")) {
							if (!h.isString()) {
								throw new MalformedExport(number, "'path' holds something other than hashes");
							}
							proof.add(Hashes.unhex(h.asString()));
							path.add(h.asString());
						}
						Checkpoint later = checkpoint(node);
						verifier.consistency(later, proof);
						if (keepLines) {
							lines.add(new Consistency(later, path));
						}
					}
					default -> throw new MalformedExport(number, "unknown kind '" + text(node, "kind") + "'");
				}
			}
			catch (MalformedExport e) {
				throw e;
			}
			catch (RuntimeException e) {
				// Whatever a hostile line does to the parsers (missing fields, numbers out of range, bad
				// dates, bad hex), it is a malformed line, not a crash.
				throw new MalformedExport(number, "not a valid entry or checkpoint (" + e.getMessage() + ")");
			}
		}
		return new Result(verifier.finish(header.to(), true), header, pinnedId != null, digestOnly, verifier.keyInForce(),
				verifier.rotationsFollowed(), lines == null ? List.of() : List.copyOf(lines));
	}

	/** A consistency line as read: the later checkpoint and the proof's hashes. */
	public record Consistency(Checkpoint later, List<String> path) {
	}

	private static void requireFields(JsonNode node, java.util.Set<String> allowed, long number) throws MalformedExport {
		for (String name : node.propertyNames()) {
			if (!allowed.contains(name)) {
				throw new MalformedExport(number, "unknown field '" + abbreviate(name) + "' (an export line has only "
						+ new java.util.TreeSet<>(allowed) + ")");
			}
		}
	}

	private static String abbreviate(String text) {
		return text.length() > 40 ? text.substring(0, 40) + "…" : text;
	}

	private static java.util.Set<String> union(java.util.Set<String> set, String extra) {
		java.util.Set<String> all = new java.util.HashSet<>(set);
		all.add(extra);
		return java.util.Set.copyOf(all);
	}

	private static Header header(JsonNode node) throws MalformedExport {
		int version = node.path("version").isInt() ? node.path("version").asInt() : -1;
		if (!FORMAT.equals(node.path("format").asString(null)) || (version != 1 && version != VERSION)) {
			throw new MalformedExport(1, "not an OpenAIMS ledger export (format " + FORMAT + ", version 1 or " + VERSION + ")");
		}
		requireFields(node, HEADER_FIELDS, 1);
		try {
			if (!LedgerKeys.ALGORITHM.equals(text(node, "algorithm"))) {
				throw new IllegalArgumentException("the algorithm is not " + LedgerKeys.ALGORITHM);
			}
			JsonNode startFrontier = node.get("startFrontier");
			if (startFrontier == null || !startFrontier.isArray()) {
				throw new IllegalArgumentException("'startFrontier' is missing or not a list");
			}
			List<String> frontier = new ArrayList<>();
			for (JsonNode h : startFrontier) {
				if (!h.isString()) {
					throw new IllegalArgumentException("'startFrontier' holds something other than hashes");
				}
				frontier.add(h.asString());
			}
			return new Header(number(node, "from"), number(node, "to"), text(node, "startPrevHash"), frontier,
					text(node, "publicKey"), text(node, "keyId"), instant(node, "exportedAt"));
		}
		catch (RuntimeException e) {
			throw new MalformedExport(1, "incomplete header (" + e.getMessage() + ")");
		}
	}

	static LedgerEntry entry(JsonNode n, int version, long number) throws MalformedExport {
		if (!n.has("payload") || !n.has("actorToken")) {
			throw new MalformedExport(number, "the entry has no '" + (n.has("payload") ? "actorToken" : "payload")
					+ "' (null when there is none)");
		}
		String token = n.get("actorToken").isNull() ? null : text(n, "actorToken");
		String payload = n.get("payload").isNull() ? null : text(n, "payload");
		if (version >= 2) {
			JsonNode kept = n.get("payloadKept");
			if (kept == null || !kept.isBoolean()) {
				throw new MalformedExport(number, "the entry has no 'payloadKept' flag");
			}
			if (kept.asBoolean() != (payload != null)) {
				throw new MalformedExport(number, kept.asBoolean() ? "the entry says its payload is included but it is missing"
						: "the entry says its payload is not kept but carries one");
			}
		}
		return new LedgerEntry(number(n, "seq"), instant(n, "time"), uuid(text(n, "eventId"), "eventId"), text(n, "actor"),
				token == null ? null : uuid(token, "actorToken"), text(n, "type"), text(n, "subjectType"), text(n, "subjectId"),
				text(n, "payloadDigest"), payload, text(n, "prevHash"), text(n, "entryHash"));
	}

	static Checkpoint checkpoint(JsonNode n) {
		return new Checkpoint(number(n, "treeSize"), text(n, "rootHash"), instant(n, "time"), text(n, "keyId"),
				text(n, "signature"));
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || !value.isString()) {
			throw new IllegalArgumentException("'" + field + "' is missing or not a string");
		}
		return value.asString();
	}

	/** A whole number written as one (not 1.0, not "1"), within a long. */
	private static long number(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
			throw new IllegalArgumentException("'" + field + "' is missing or not a whole number");
		}
		return value.asLong();
	}

	/** A time written as the export writes it (ISO-8601 in UTC, as {@link Instant#toString()}), nothing equivalent. */
	private static Instant instant(JsonNode node, String field) {
		String text = text(node, field);
		Instant time = Instant.parse(text);
		if (!time.toString().equals(text)) {
			throw new IllegalArgumentException("'" + field + "' is not written in the export's form (" + time + ")");
		}
		return time;
	}

	private static UUID uuid(String text, String field) {
		UUID id = UUID.fromString(text);
		if (!id.toString().equals(text)) {
			throw new IllegalArgumentException("'" + field + "' is not written in the export's form (" + id + ")");
		}
		return id;
	}

	private static JsonNode parse(String line, long number) throws MalformedExport {
		try {
			JsonNode node = JSON.readTree(line);
			if (node == null || !node.isObject()) {
				throw new MalformedExport(number, "not a JSON object");
			}
			return node;
		}
		catch (JacksonException e) {
			throw new MalformedExport(number, "not JSON: " + e.getOriginalMessage());
		}
	}
}
