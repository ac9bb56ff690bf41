package org.openaims.identity;

import java.util.UUID;

import org.openaims.common.Actor;

/** An API token was revoked and no longer authenticates. */
public record ApiTokenRevoked(UUID tokenId, String username, String name, Actor actor) {
}
