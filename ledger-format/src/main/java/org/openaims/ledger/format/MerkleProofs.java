package org.openaims.ledger.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RFC 9162 Merkle tree hashes, inclusion proofs (section 2.1.3) and consistency proofs (2.1.4) over a
 * list of leaf hashes, and their verification.
 */
public final class MerkleProofs {

	private MerkleProofs() {
	}

	/** MTH over {@code leaves[from, to)}. */
	public static byte[] root(List<byte[]> leaves, int from, int to) {
		int n = to - from;
		if (n == 0) {
			return Hashes.empty();
		}
		if (n == 1) {
			return leaves.get(from);
		}
		int k = largestPowerOfTwoBelow(n);
		return Hashes.node(root(leaves, from, from + k), root(leaves, from + k, to));
	}

	/** PATH(m, D[n]): the audit path of leaf {@code index} in the tree of the first {@code size} leaves. */
	public static List<byte[]> inclusion(List<byte[]> leaves, int index, int size) {
		if (index < 0 || index >= size || size > leaves.size()) {
			throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + size);
		}
		List<byte[]> path = new ArrayList<>();
		path(leaves, index, 0, size, path);
		return path;
	}

	private static void path(List<byte[]> leaves, int m, int from, int to, List<byte[]> out) {
		int n = to - from;
		if (n == 1) {
			return;
		}
		int k = largestPowerOfTwoBelow(n);
		if (m < k) {
			path(leaves, m, from, from + k, out);
			out.add(root(leaves, from + k, to));
		}
		else {
			path(leaves, m - k, from + k, to, out);
			out.add(root(leaves, from, from + k));
		}
	}

	/** PROOF(m, D[n]): that the tree of the first {@code m} leaves is a prefix of the tree of {@code n}. */
	public static List<byte[]> consistency(List<byte[]> leaves, int m, int n) {
		if (m < 1 || m > n || n > leaves.size()) {
			throw new IllegalArgumentException("no consistency proof from size " + m + " to " + n);
		}
		List<byte[]> proof = new ArrayList<>();
		subproof(leaves, m, 0, n, true, proof);
		return proof;
	}

	private static void subproof(List<byte[]> leaves, int m, int from, int to, boolean complete, List<byte[]> out) {
		int n = to - from;
		if (m == n) {
			if (!complete) {
				out.add(root(leaves, from, to));
			}
			return;
		}
		int k = largestPowerOfTwoBelow(n);
		if (m <= k) {
			subproof(leaves, m, from, from + k, complete, out);
			out.add(root(leaves, from + k, to));
		}
		else {
			subproof(leaves, m - k, from + k, to, false, out);
			out.add(root(leaves, from, from + k));
		}
	}

	/** Verifies an inclusion proof (RFC 9162 2.1.3.2). */
	public static boolean verifyInclusion(byte[] leaf, long index, long size, List<byte[]> path, byte[] root) {
		if (index >= size || index < 0) {
			return false;
		}
		long fn = index;
		long sn = size - 1;
		byte[] r = leaf;
		for (byte[] p : path) {
			if (sn == 0) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				r = Hashes.node(p, r);
				if ((fn & 1) == 0) {
					while ((fn & 1) == 0 && fn != 0) {
						fn >>= 1;
						sn >>= 1;
					}
				}
			}
			else {
				r = Hashes.node(r, p);
			}
			fn >>= 1;
			sn >>= 1;
		}
		return sn == 0 && Arrays.equals(r, root);
	}

	/** Verifies a consistency proof (RFC 9162 2.1.4.2). */
	public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
			List<byte[]> proof) {
		if (first < 1 || first > second) {
			return false;
		}
		if (first == second) {
			return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
		}
		if (proof.isEmpty()) {
			return false;
		}
		List<byte[]> path = new ArrayList<>(proof);
		if (Long.bitCount(first) == 1) {
			path.add(0, firstRoot);
		}
		long fn = first - 1;
		long sn = second - 1;
		while ((fn & 1) == 1) {
			fn >>= 1;
			sn >>= 1;
		}
		byte[] fr = path.get(0);
		byte[] sr = path.get(0);
		for (byte[] c : path.subList(1, path.size())) {
			if (sn == 0) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				fr = Hashes.node(c, fr);
				sr = Hashes.node(c, sr);
				if ((fn & 1) == 0) {
					while ((fn & 1) == 0 && fn != 0) {
						fn >>= 1;
						sn >>= 1;
					}
				}
			}
			else {
				sr = Hashes.node(sr, c);
			}
			fn >>= 1;
			sn >>= 1;
		}
		return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
	}

	static int largestPowerOfTwoBelow(int n) {
		return Integer.highestOneBit(n - 1);
	}
}
