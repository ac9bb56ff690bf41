package org.openaims.identity.internal;

import java.security.SecureRandom;
import java.util.Base64;

import org.openaims.common.Digests;

/**
 * Makes and hashes API token secrets. Secrets carry 256 random bits, so a plain SHA-256 (not a slow
 * password hash) is enough to make a leaked table useless.
 */
public final class TokenHashing {

	public static final String PREFIX = "aims_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private TokenHashing() {
	}

	public static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public static String hash(String secret) {
		return Digests.sha256Hex(secret);
	}
}
