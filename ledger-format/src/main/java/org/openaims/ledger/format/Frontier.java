package org.openaims.ledger.format;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a Merkle tree (RFC 9162 hashing) over the first {@code size} leaves: the roots of
 * its perfect subtrees, largest first. Appending a leaf costs O(log n) amortized O(1) hashes and the
 * root of any size is available at once, so checkpoints and verification never rehash the whole tree.
 */
public final class Frontier {

	private final List<byte[]> hashes;

	private long size;

	public Frontier() {
		this(0, new ArrayList<>());
	}

	private Frontier(long size, List<byte[]> hashes) {
		this.size = size;
		this.hashes = hashes;
	}

	/** A frontier from its size and its subtree roots (as stored with a checkpoint or an export). */
	public static Frontier of(long size, List<String> hexHashes) {
		if (size < 0 || Long.bitCount(size) != hexHashes.size()) {
			throw new IllegalArgumentException("a frontier of size " + size + " has " + Long.bitCount(Math.max(size, 0))
					+ " subtree roots, not " + hexHashes.size());
		}
		List<byte[]> hashes = new ArrayList<>(hexHashes.size());
		hexHashes.forEach(h -> hashes.add(Hashes.unhex(h)));
		return new Frontier(size, hashes);
	}

	public void append(byte[] leafHash) {
		hashes.add(leafHash);
		size++;
		// Merge equal-sized subtrees: one merge per trailing one-bit of the old size.
		for (long s = size; (s & 1) == 0; s >>= 1) {
			byte[] right = hashes.remove(hashes.size() - 1);
			byte[] left = hashes.remove(hashes.size() - 1);
			hashes.add(Hashes.node(left, right));
		}
	}

	public long size() {
		return size;
	}

	/** The Merkle tree hash of the leaves so far (RFC 9162 MTH). */
	public byte[] root() {
		if (hashes.isEmpty()) {
			return Hashes.empty();
		}
		byte[] root = hashes.get(hashes.size() - 1);
		for (int i = hashes.size() - 2; i >= 0; i--) {
			root = Hashes.node(hashes.get(i), root);
		}
		return root;
	}

	public List<String> hexHashes() {
		return hashes.stream().map(Hashes::hex).toList();
	}

	public Frontier copy() {
		return new Frontier(size, new ArrayList<>(hashes));
	}
}
