package org.openaims.identity;

import java.util.UUID;

import org.openaims.common.Actor;

/** A user's password was set, by the user or by an administrator. */
public record PasswordChanged(UUID userId, String username, Actor actor) {
}
