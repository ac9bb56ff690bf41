package org.openaims.ledger;

import java.util.List;
import java.util.Map;

import org.openaims.ledger.format.EventProof;
import org.openaims.ledger.format.Hashes;
import org.openaims.ledger.format.MerkleProofs;

/**
 * The ledger's hashing of operational events for modules that record batches: an event's canonical
 * JSON (RFC 8785), its leaf hash {@code SHA-256(0x00 || canonical JSON)} and the RFC 9162 Merkle root
 * of a batch's leaves — the same code the offline verifier checks them with.
 */
public final class EventLeaves {

	private EventLeaves() {
	}

	public static String canonical(Map<String, ?> event) {
		return EventProof.canonical(event);
	}

	public static byte[] leaf(String canonical) {
		return EventProof.leaf(canonical);
	}

	/** Appends a JSON string as RFC 8785 writes it. */
	public static void string(StringBuilder out, String value) {
		org.openaims.ledger.format.CanonicalJson.string(out, value);
	}

	/** A number as RFC 8785 writes it. */
	public static String number(double value) {
		return EventProof.number(value);
	}

	/** The Merkle root of the leaves, in hex. */
	public static String root(List<byte[]> leaves) {
		return Hashes.hex(MerkleProofs.root(leaves, 0, leaves.size()));
	}
}
