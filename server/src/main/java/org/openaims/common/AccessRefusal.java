package org.openaims.common;

/**
 * An application event (not a domain event) saying a signed-in user was refused an action; the
 * identity module records it in the ledger. Published where the 403 answer is made.
 */
public record AccessRefusal(String method, String path, String reason) {
}
