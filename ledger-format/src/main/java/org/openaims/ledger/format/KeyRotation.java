package org.openaims.ledger.format;

import java.security.PublicKey;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A key rotation as the ledger records it: an entry of type {@value #TYPE} whose payload names the
 * next signing key ({@code newKeyId}, {@code newPublicKey}). The new key may sign checkpoints once a
 * checkpoint signed with the current key covers that entry — the old key vouches for the new one —
 * and from then on only the new key may.
 */
public final class KeyRotation {

	/** The entry type of a key rotation. */
	public static final String TYPE = "LedgerKeyRotated";

	/** The entry subject type of a key rotation (its subject id is the new key id). */
	public static final String SUBJECT_TYPE = "ledger-key";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private KeyRotation() {
	}

	/** The new key an entry introduces, if it is a well-formed key rotation whose key matches its id. */
	public static Optional<PublicKey> newKey(LedgerEntry entry) {
		if (!TYPE.equals(entry.type()) || entry.payload() == null) {
			return Optional.empty();
		}
		try {
			JsonNode payload = JSON.readTree(entry.payload());
			PublicKey key = LedgerKeys.publicKey(payload.path("newPublicKey").asString(""));
			return LedgerKeys.keyId(key).equalsIgnoreCase(payload.path("newKeyId").asString("")) ? Optional.of(key)
					: Optional.empty();
		}
		catch (JacksonException | IllegalArgumentException e) {
			return Optional.empty();
		}
	}
}
