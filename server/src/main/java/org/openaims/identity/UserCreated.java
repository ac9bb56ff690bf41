package org.openaims.identity;

import java.util.Set;
import java.util.UUID;

import org.openaims.common.Actor;

/** A user account was created. */
public record UserCreated(UUID userId, String username, Set<Role> roles, Actor actor) {
}
