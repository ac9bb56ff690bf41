package org.openaims.identity;

import java.util.Map;
import java.util.UUID;

import org.openaims.common.Actor;
import org.openaims.common.FieldChange;

/** A user's name, e-mail, roles or enabled flag changed; the password never appears here. */
public record UserChanged(UUID userId, String username, Map<String, FieldChange> changes, Actor actor) {
}
