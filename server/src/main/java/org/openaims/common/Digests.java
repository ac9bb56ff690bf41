package org.openaims.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 snapshots of record content, e.g. what an approval approves. */
public final class Digests {

	private Digests() {
	}

	public static String sha256Hex(String text) {
		return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
	}

	public static String sha256Hex(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 missing from the JDK", e);
		}
	}

	/**
	 * The SHA-256 of named parts, each written with its length so that no two different lists of
	 * parts give the same text (null parts are distinct from empty ones).
	 */
	public static String snapshot(Object... parts) {
		StringBuilder text = new StringBuilder();
		for (Object part : parts) {
			if (part == null) {
				text.append("-;");
			}
			else {
				String value = String.valueOf(part);
				text.append(value.length()).append(':').append(value).append(';');
			}
		}
		return sha256Hex(text.toString());
	}

	/** The {@link #snapshot} of a record shown as lines (what its approver reads): its kind, its id, then each line. */
	public static String ofLines(String kind, Object id, java.util.List<String> lines) {
		java.util.List<Object> parts = new java.util.ArrayList<>(lines.size() + 2);
		parts.add(kind);
		parts.add(id);
		parts.addAll(lines);
		return snapshot(parts.toArray());
	}
}
