package org.openaims.ledger;

/** A recorded key rotation: the keys before and after, and the checkpoint (tree size) that vouches for it. */
public record KeyRotationView(String previousKeyId, String newKeyId, long attestedByCheckpoint) {
}
