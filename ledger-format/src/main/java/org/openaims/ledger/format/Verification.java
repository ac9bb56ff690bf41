package org.openaims.ledger.format;

/**
 * The outcome of verifying a ledger or an export.
 *
 * @param intact whether every entry and checkpoint checked out
 * @param entriesChecked entries read
 * @param checkpointsChecked signed checkpoints whose signature and root were confirmed
 * @param lastSequence the last sequence number read (0 when none)
 * @param firstBadSequence the lowest sequence number that cannot be trusted, or null when intact
 * @param reason what is wrong there, or null when intact
 */
public record Verification(boolean intact, long entriesChecked, long checkpointsChecked, long lastSequence,
		Long firstBadSequence, String reason) {
}
