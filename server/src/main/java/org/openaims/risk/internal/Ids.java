package org.openaims.risk.internal;

import java.util.Optional;
import java.util.UUID;

/** Parses ids that come from other modules as text. */
final class Ids {

	private Ids() {
	}

	static Optional<UUID> parse(String id) {
		try {
			return Optional.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException | NullPointerException e) {
			return Optional.empty();
		}
	}
}
