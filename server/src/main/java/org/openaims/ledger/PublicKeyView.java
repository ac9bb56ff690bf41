package org.openaims.ledger;

/** The key checkpoints are signed with: Base64 X.509 Ed25519 public key and its id. */
public record PublicKeyView(String algorithm, String keyId, String publicKey) {
}
