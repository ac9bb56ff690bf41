/**
 * The ledger's wire format, shared by the server and the offline CLI: canonical entries, RFC 9162
 * Merkle hashing with inclusion and consistency proofs, Ed25519-signed checkpoints, the export file
 * and the streaming verifier that checks it. Supports 7.5.3 (control of documented information) and
 * A.6.2.8 (event logs).
 */
package org.openaims.ledger.format;
