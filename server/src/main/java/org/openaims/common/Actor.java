package org.openaims.common;

import java.util.UUID;

/**
 * Who made a change: the user's name and, when the request came with an API token, that token's
 * id. Carried in every domain event so the ledger records it after the request has ended.
 */
public record Actor(String username, UUID tokenId) {

	/** Changes made by the application itself (bootstrap, demo data, scheduled jobs). */
	public static final Actor SYSTEM = new Actor("system", null);

	public Actor {
		if (username == null || username.isBlank()) {
			throw new IllegalArgumentException("an actor needs a username");
		}
	}

	public static Actor user(String username) {
		return new Actor(username, null);
	}

	/** "alice" or "alice (API token 0b8e…)". */
	public String label() {
		return tokenId == null ? username : username + " (API token " + tokenId.toString().substring(0, 8) + ")";
	}
}
