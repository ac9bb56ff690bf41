package org.openaims.ledger;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;
import org.openaims.ledger.format.KeyRotation;

/**
 * The ledger handed checkpoint signing over from {@code previousKeyId} to a new key, vouched for by
 * the next checkpoint signed with the previous key (see {@link KeyRotation}).
 */
public record LedgerKeyRotated(String previousKeyId, String newKeyId, String newPublicKey, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of(KeyRotation.SUBJECT_TYPE, newKeyId);
	}
}
