package org.openaims.ledger.format;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and the RFC 9162 leaf and node hashes ({@code 0x00 || leaf}, {@code 0x01 || left || right}). */
public final class Hashes {

	private static final HexFormat HEX = HexFormat.of();

	private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 missing from the JDK", e);
		}
	});

	/** The previous hash of the first entry. */
	public static final String GENESIS = "0".repeat(64);

	private Hashes() {
	}

	public static byte[] sha256(byte[] data) {
		return SHA256.get().digest(data);
	}

	public static String sha256Hex(String text) {
		return hex(sha256(text.getBytes(StandardCharsets.UTF_8)));
	}

	/** {@code SHA-256(0x00 || entry)}. */
	public static byte[] leaf(byte[] entry) {
		MessageDigest digest = SHA256.get();
		digest.update((byte) 0);
		return digest.digest(entry);
	}

	/** {@code SHA-256(0x01 || left || right)}. */
	public static byte[] node(byte[] left, byte[] right) {
		MessageDigest digest = SHA256.get();
		digest.update((byte) 1);
		digest.update(left);
		return digest.digest(right);
	}

	/** The hash of the empty tree, {@code SHA-256()}. */
	public static byte[] empty() {
		return SHA256.get().digest(new byte[0]);
	}

	public static String hex(byte[] bytes) {
		return HEX.formatHex(bytes);
	}

	/** Parses 64 lower- or upper-case hex digits; anything else is refused. */
	public static byte[] unhex(String hex) {
		if (hex == null || hex.length() != 64) {
			throw new IllegalArgumentException("not a SHA-256 hash: " + hex);
		}
		return HEX.parseHex(hex);
	}
}
