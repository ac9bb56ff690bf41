package org.openaims.governance.internal;

import java.security.SecureRandom;
import java.util.Locale;

import org.openaims.common.Digests;

/**
 * Receipt codes of anonymous concerns: 100 random bits written as 20 characters of an alphabet
 * without look-alikes, grouped by four ({@code K7QM-2XWD-…}); stored only as their SHA-256.
 */
public final class Receipts {

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Receipts() {
	}

	public static String newCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/** The code as typed, without spaces and dashes, in upper case. */
	public static String normalize(String code) {
		return code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
	}

	public static String hash(String code) {
		return Digests.sha256Hex("openaims-concern-receipt:" + normalize(code));
	}
}
