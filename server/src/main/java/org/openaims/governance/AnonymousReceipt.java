package org.openaims.governance;

/**
 * The answer to an anonymous report: the receipt code, shown this once (only its hash is kept), with
 * which the reporter follows the concern and adds to it.
 */
public record AnonymousReceipt(String receipt, ConcernView concern) {
}
