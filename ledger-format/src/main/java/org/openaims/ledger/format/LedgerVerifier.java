package org.openaims.ledger.format;

import java.security.PublicKey;
import java.util.Arrays;

/**
 * Checks a ledger read in order, entry by entry, with each signed checkpoint placed right after the
 * entry that completes its tree. Used by the server ({@code /api/v1/ledger/verify}) and offline by
 * {@code aims verify}, so both reach the same verdict.
 *
 * <p>The first bad sequence is:
 * <ul>
 * <li>the lowest entry that does not hash to its stored hash, does not link to its predecessor, has a
 * payload not matching its digest, or is missing or out of place; two entries following the same
 * predecessor (an inserted entry) are reported at the first of them;</li>
 * <li>the first entry missing or extra compared with where the ledger should end (its head, or the
 * range of an export);</li>
 * <li>when the entries are consistent among themselves but a checkpoint cannot be confirmed (a forged
 * signature, a root that differs, a checkpoint over entries that are absent — a rewritten tail, a
 * signature by a key the ledger has not handed over to), the first entry after the last checkpoint
 * that still verifies: from there on nothing is attested.</li>
 * </ul>
 *
 * <p>Checkpoints are verified with the key in force: the starting key, until a {@link KeyRotation}
 * entry is covered by a checkpoint signed with it; from then on the rotation's new key.
 */
public final class LedgerVerifier {

	private PublicKey key;

	private String keyId;

	/** Rotation entries read but not yet covered by a checkpoint: the sequence and the key they introduce. */
	private final java.util.TreeMap<Long, PublicKey> pendingKeys = new java.util.TreeMap<>();

	private long rotations;

	private final Frontier frontier;

	private long expected;

	private String previousHash;

	private String previousPrev;

	private long lastAttested;

	private long entries;

	private long checkpoints;

	private long lastSequence;

	private Long entryFailure;

	private String entryReason;

	private Long checkpointFailure;

	private String checkpointReason;

	private long failedCheckpointSize;

	/**
	 * A verifier for entries from {@code startSeq} on; {@code startFrontier} is the tree of the entries
	 * before it and {@code startPrevHash} the hash of entry {@code startSeq - 1}.
	 */
	public LedgerVerifier(PublicKey key, long startSeq, String startPrevHash, Frontier startFrontier) {
		if (startFrontier.size() != startSeq - 1) {
			throw new IllegalArgumentException("the start frontier must cover the " + (startSeq - 1) + " entries before the range");
		}
		this.key = key;
		this.keyId = LedgerKeys.keyId(key);
		this.frontier = startFrontier.copy();
		this.expected = startSeq;
		this.previousHash = startPrevHash;
		this.lastAttested = startSeq - 1;
	}

	/** A verifier for a whole ledger. */
	public static LedgerVerifier fromStart(PublicKey key) {
		return new LedgerVerifier(key, 1, Hashes.GENESIS, new Frontier());
	}

	/** Whether reading further can still change the verdict. */
	public boolean needsMore() {
		if (entryFailure != null) {
			return false;
		}
		// After a failed checkpoint, one more entry may show an inserted entry inside the checkpoint's range.
		return checkpointFailure == null || frontier.size() <= failedCheckpointSize;
	}

	public void entry(LedgerEntry entry) {
		if (!needsMore()) {
			return;
		}
		lastSequence = entry.seq();
		if (entry.seq() != expected) {
			entryFailed(expected, entry.seq() > expected ? "entry " + expected + " is missing (found " + entry.seq() + ")"
					: "entry " + entry.seq() + " is out of place (expected " + expected + ")");
			return;
		}
		if (!previousHash.equalsIgnoreCase(entry.prevHash())) {
			if (previousPrev != null && previousPrev.equalsIgnoreCase(entry.prevHash())) {
				entryFailed(entry.seq() - 1, "entries " + (entry.seq() - 1) + " and " + entry.seq()
						+ " follow the same predecessor: an entry was inserted");
			}
			else {
				entryFailed(entry.seq(), "does not link to the previous entry");
			}
			return;
		}
		byte[] leaf = entry.leafHash();
		byte[] stored = entry.entryHash() == null ? null : unhexOrNull(entry.entryHash());
		if (stored == null || !Arrays.equals(leaf, stored)) {
			entryFailed(entry.seq(), "its content does not match its hash");
			return;
		}
		if (!entry.payloadMatches()) {
			entryFailed(entry.seq(), "its payload does not match the recorded digest");
			return;
		}
		KeyRotation.newKey(entry).ifPresent(next -> pendingKeys.put(entry.seq(), next));
		frontier.append(leaf);
		previousPrev = entry.prevHash();
		previousHash = entry.entryHash();
		expected++;
		entries++;
	}

	/** A checkpoint, given right after the entry that completes its tree. */
	public void checkpoint(Checkpoint checkpoint) {
		if (!needsMore() || checkpointFailure != null) {
			return;
		}
		if (checkpoint.treeSize() > frontier.size()) {
			checkpointFailed(checkpoint.treeSize(), "the checkpoint of tree size " + checkpoint.treeSize()
					+ " covers entries that are absent (the ledger ends at " + frontier.size() + ")");
			return;
		}
		if (checkpoint.treeSize() < frontier.size()) {
			checkpointFailed(checkpoint.treeSize(), "checkpoint of tree size " + checkpoint.treeSize() + " is out of place");
			return;
		}
		if (!signedByKeyInForce(checkpoint)) {
			return;
		}
		if (!Hashes.hex(frontier.root()).equalsIgnoreCase(checkpoint.rootHash())) {
			checkpointFailed(checkpoint.treeSize(), "the entries up to " + checkpoint.treeSize()
					+ " do not have the root hash the signed checkpoint records");
			return;
		}
		attested(checkpoint.treeSize());
	}

	private boolean signedByKeyInForce(Checkpoint checkpoint) {
		if (!keyId.equalsIgnoreCase(checkpoint.keyId())) {
			checkpointFailed(checkpoint.treeSize(), "the checkpoint of tree size " + checkpoint.treeSize() + " names key "
					+ checkpoint.keyId() + ", but the key in force is " + keyId);
			return false;
		}
		if (!LedgerKeys.verify(key, checkpoint.signedContent(), checkpoint.signature())) {
			checkpointFailed(checkpoint.treeSize(), "the signature of the checkpoint of tree size " + checkpoint.treeSize()
					+ " does not verify with key " + keyId);
			return false;
		}
		return true;
	}

	/** Entries up to {@code size} are attested; a rotation among them hands signing over to its new key. */
	private void attested(long size) {
		lastAttested = size;
		checkpoints++;
		var covered = pendingKeys.headMap(size, true);
		if (!covered.isEmpty()) {
			key = covered.lastEntry().getValue();
			keyId = LedgerKeys.keyId(key);
			rotations += covered.size();
			covered.clear();
		}
	}

	/** The key checkpoints must be signed with from here on, and how many rotations were followed. */
	public String keyInForce() {
		return keyId;
	}

	public long rotationsFollowed() {
		return rotations;
	}

	/**
	 * A signed checkpoint of a larger tree with the RFC 9162 consistency proof that the entries read
	 * so far are its prefix: it attests them without the later entries (how a partial export ends).
	 */
	public void consistency(Checkpoint later, java.util.List<byte[]> proof) {
		if (!needsMore() || checkpointFailure != null) {
			return;
		}
		if (!signedByKeyInForce(later)) {
			return;
		}
		byte[] root;
		try {
			root = Hashes.unhex(later.rootHash());
		}
		catch (IllegalArgumentException e) {
			root = null;
		}
		if (frontier.size() == 0 || root == null
				|| !MerkleProofs.verifyConsistency(frontier.size(), later.treeSize(), frontier.root(), root, proof)) {
			checkpointFailed(later.treeSize(), "the entries up to " + frontier.size()
					+ " are not proven a prefix of the signed tree of size " + later.treeSize());
			return;
		}
		attested(frontier.size());
	}

	/** The verdict once everything is read; {@code expectedLast} (if known) is where the ledger should end. */
	public Verification finish(Long expectedLast) {
		return finish(expectedLast, false);
	}

	/**
	 * The verdict once everything is read. With {@code requireAttested} (exports), entries that no
	 * signed checkpoint covers make the verdict negative, from the first of them.
	 */
	public Verification finish(Long expectedLast, boolean requireAttested) {
		if (requireAttested && entryFailure == null && checkpointFailure == null && lastAttested < frontier.size()) {
			checkpointFailure = lastAttested + 1;
			checkpointReason = "entry " + checkpointFailure + " onwards is not covered by a signed checkpoint in this file";
			failedCheckpointSize = frontier.size();
		}
		boolean tailMissing = false;
		if (entryFailure == null && expectedLast != null) {
			if (frontier.size() < expectedLast) {
				entryFailed(frontier.size() + 1, "entries " + (frontier.size() + 1) + " to " + expectedLast + " are missing");
				tailMissing = true;
			}
			else if (frontier.size() > expectedLast) {
				entryFailed(expectedLast + 1, "entries after " + expectedLast + " were added outside the ledger");
			}
		}
		// An entry that fails by itself is named, not the checkpoint its failure breaks; but entries missing
		// from the end say nothing of those before them, which are then bad from the first unattested one.
		boolean entryFirst = entryFailure != null && (checkpointFailure == null
				|| entryFailure <= failedCheckpointSize && !(tailMissing && checkpointFailure < entryFailure));
		if (entryFirst) {
			return new Verification(false, entries, checkpoints, lastSequence, entryFailure, entryReason);
		}
		if (checkpointFailure != null) {
			return new Verification(false, entries, checkpoints, lastSequence, checkpointFailure, checkpointReason);
		}
		return new Verification(true, entries, checkpoints, lastSequence, null, null);
	}

	/** The tree built so far (for computing roots after verification). */
	public Frontier frontier() {
		return frontier;
	}

	private void entryFailed(long seq, String reason) {
		entryFailure = seq;
		entryReason = "entry " + seq + ": " + reason;
	}

	private void checkpointFailed(long treeSize, String reason) {
		checkpointFailure = lastAttested + 1;
		checkpointReason = "entry " + checkpointFailure + " onwards is not covered by a valid checkpoint: " + reason;
		failedCheckpointSize = treeSize;
	}

	private static byte[] unhexOrNull(String hex) {
		try {
			return Hashes.unhex(hex);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
