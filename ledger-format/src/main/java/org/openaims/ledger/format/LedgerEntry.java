package org.openaims.ledger.format;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;

/**
 * One ledger entry. Its canonical JSON binds the sequence number, time, actor, event type, subject,
 * the SHA-256 of the payload and the previous entry's hash; {@code entryHash} is the RFC 9162 leaf
 * hash of that JSON.
 *
 * @param payload the event's canonical JSON, or null when only its digest is kept (large payloads)
 * @param prevHash the previous entry's hash ({@link Hashes#GENESIS} for the first)
 */
public record LedgerEntry(long seq, Instant time, UUID eventId, String actor, UUID actorToken, String type,
		String subjectType, String subjectId, String payloadDigest, String payload, String prevHash, String entryHash) {

	/** Makes the next entry: times are kept to the microsecond, the precision databases store. */
	public static LedgerEntry create(long seq, Instant time, UUID eventId, String actor, UUID actorToken, String type,
			String subjectType, String subjectId, String payload, boolean keepPayload, String prevHash) {
		String digest = Hashes.sha256Hex(payload);
		LedgerEntry unhashed = new LedgerEntry(seq, time.truncatedTo(ChronoUnit.MICROS), eventId, actor, actorToken,
				type, subjectType, subjectId, digest, keepPayload ? payload : null, prevHash, null);
		return unhashed.withHash(unhashed.computeHash());
	}

	/** The canonical JSON the leaf hash is computed over. */
	public String canonical() {
		StringBuilder out = new StringBuilder(320);
		out.append("{\"actor\":");
		CanonicalJson.string(out, actor);
		out.append(",\"actorToken\":");
		if (actorToken == null) {
			out.append("null");
		}
		else {
			CanonicalJson.string(out, actorToken.toString());
		}
		out.append(",\"eventId\":");
		CanonicalJson.string(out, eventId.toString());
		out.append(",\"payloadDigest\":");
		CanonicalJson.string(out, payloadDigest);
		out.append(",\"prev\":");
		CanonicalJson.string(out, prevHash);
		out.append(",\"seq\":").append(seq);
		out.append(",\"subjectId\":");
		CanonicalJson.string(out, subjectId);
		out.append(",\"subjectType\":");
		CanonicalJson.string(out, subjectType);
		out.append(",\"time\":\"");
		IsoInstants.append(out, time);
		out.append('"');
		out.append(",\"type\":");
		CanonicalJson.string(out, type);
		return out.append('}').toString();
	}

	/** The leaf hash of this entry's canonical JSON, recomputed. */
	public byte[] leafHash() {
		return Hashes.leaf(canonical().getBytes(StandardCharsets.UTF_8));
	}

	public String computeHash() {
		return Hashes.hex(leafHash());
	}

	/** Whether the stored hash is the hash of the stored fields. */
	public boolean hashMatches() {
		try {
			return entryHash != null && Arrays.equals(Hashes.unhex(entryHash), leafHash());
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	/** Whether the stored payload (if kept) has the recorded digest. */
	public boolean payloadMatches() {
		return payload == null || Hashes.sha256Hex(payload).equalsIgnoreCase(payloadDigest);
	}

	public LedgerEntry withHash(String hash) {
		return new LedgerEntry(seq, time, eventId, actor, actorToken, type, subjectType, subjectId, payloadDigest, payload,
				prevHash, hash);
	}
}
