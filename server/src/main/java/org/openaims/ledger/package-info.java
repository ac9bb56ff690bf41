/**
 * The tamper-evident ledger: every domain event of every module, appended to one hash chain with
 * signed Merkle checkpoints; history per record, proofs, verification and a self-verifying export.
 * Supports 7.5.3 (control of documented information), 9.1 and A.6.2.8 (event logs).
 */
package org.openaims.ledger;
