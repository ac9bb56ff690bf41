package org.openaims.identity;

import java.time.Instant;
import java.util.UUID;

import org.openaims.common.Actor;

/** An API token was issued (its secret is never part of the event). */
public record ApiTokenCreated(UUID tokenId, String username, String name, Instant expiresAt, Actor actor) {
}
