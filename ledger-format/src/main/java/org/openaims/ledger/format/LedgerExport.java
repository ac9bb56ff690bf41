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
 */
public final class LedgerExport {

	public static final String FORMAT = "openaims-ledger-export";

	public static final int VERSION = 1;

	private static final JsonMapper JSON = JsonMapper.builder().build();

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

	/** The verdict on an export, with the key it was checked with. */
	public record Result(Verification verification, Header header) {
	}

	/**
	 * Verifies an export. With {@code expectedKeyId}, refuses a file signed with another key (an
	 * attacker can re-sign a forged ledger with a key of their own; the key id shows whose it is).
	 */
	public static Result verify(BufferedReader in, String expectedKeyId) throws IOException, MalformedExport {
		long number = 1;
		String first = in.readLine();
		if (first == null) {
			throw new MalformedExport(1, "the file is empty");
		}
		Header header = header(parse(first, number));
		if (expectedKeyId != null && !expectedKeyId.equalsIgnoreCase(header.keyId())) {
			throw new MalformedExport(1, "the file is signed with key " + header.keyId() + ", not the expected " + expectedKeyId);
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
		String line;
		while ((line = in.readLine()) != null && verifier.needsMore()) {
			number++;
			if (line.isBlank()) {
				continue;
			}
			JsonNode node = parse(line, number);
			try {
				switch (text(node, "kind")) {
					case "entry" -> verifier.entry(entry(node));
					case "checkpoint" -> verifier.checkpoint(checkpoint(node));
					case "consistency" -> {
						List<byte[]> proof = new ArrayList<>();
						node.get("path").forEach(h -> proof.add(Hashes.unhex(h.asString())));
						verifier.consistency(checkpoint(node), proof);
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
		return new Result(verifier.finish(header.to(), true), header);
	}

	private static Header header(JsonNode node) throws MalformedExport {
		if (!FORMAT.equals(node.path("format").asString(null)) || node.path("version").asInt(-1) != VERSION) {
			throw new MalformedExport(1, "not an OpenAIMS ledger export (format " + FORMAT + ", version " + VERSION + ")");
		}
		try {
			List<String> frontier = new ArrayList<>();
			node.get("startFrontier").forEach(h -> frontier.add(h.asString()));
			return new Header(node.get("from").asLong(), node.get("to").asLong(), text(node, "startPrevHash"), frontier,
					text(node, "publicKey"), text(node, "keyId"), Instant.parse(text(node, "exportedAt")));
		}
		catch (RuntimeException e) {
			throw new MalformedExport(1, "incomplete header (" + e.getMessage() + ")");
		}
	}

	static LedgerEntry entry(JsonNode n) {
		String token = n.path("actorToken").isNull() || n.path("actorToken").isMissingNode() ? null : text(n, "actorToken");
		String payload = n.path("payload").isNull() || n.path("payload").isMissingNode() ? null : text(n, "payload");
		return new LedgerEntry(n.get("seq").asLong(), Instant.parse(text(n, "time")), UUID.fromString(text(n, "eventId")),
				text(n, "actor"), token == null ? null : UUID.fromString(token), text(n, "type"), text(n, "subjectType"),
				text(n, "subjectId"), text(n, "payloadDigest"), payload, text(n, "prevHash"), text(n, "entryHash"));
	}

	static Checkpoint checkpoint(JsonNode n) {
		return new Checkpoint(n.get("treeSize").asLong(), text(n, "rootHash"), Instant.parse(text(n, "time")),
				text(n, "keyId"), text(n, "signature"));
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || !value.isString()) {
			throw new IllegalArgumentException("'" + field + "' is missing or not a string");
		}
		return value.asString();
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
