package org.openaims.governance;

import java.util.Optional;

/**
 * Implemented by each module whose records need approval (policy versions, the Statement of
 * Applicability, risk acceptances, changes …): tells the approval service what an item currently is.
 */
public interface ApprovableItems {

	/** The item type this source answers for, e.g. {@code policy-version}. */
	String itemType();

	/** The item as it is now, if it exists. */
	Optional<ApprovableItem> find(String itemId);

	/** The page where a user reviews the item, if it has one. */
	default Optional<String> link(String itemId) {
		return Optional.empty();
	}

	/** An item id as a UUID (the usual kind of id), or empty when it is not one. */
	static java.util.Optional<java.util.UUID> uuid(String itemId) {
		try {
			return java.util.Optional.of(java.util.UUID.fromString(itemId));
		}
		catch (IllegalArgumentException | NullPointerException e) {
			return java.util.Optional.empty();
		}
	}

	/** The current snapshots of several items (for lists); override to read them in one query. */
	default java.util.Map<String, String> snapshots(java.util.Collection<String> itemIds) {
		java.util.Map<String, String> snapshots = new java.util.HashMap<>();
		itemIds.forEach(id -> find(id).ifPresent(item -> snapshots.put(id, item.snapshot())));
		return snapshots;
	}
}
