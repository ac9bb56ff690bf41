/** Ledger internals: the sequencer, the event listener, checkpoints, keys and the queries. */
package org.openaims.ledger.internal;
