package org.openaims.approvals.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.openaims.approvals.ItemRef;
import org.openaims.approvals.ReviewStep;
import org.openaims.approvals.ReviewType;
import org.openaims.approvals.Reviewable;
import org.openaims.approvals.UnderReview;
import org.openaims.common.RecordId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every reviewable record type the modules registered, by key. Read when first needed: a module's
 * reviewable may use services that use the approval service.
 */
@Component
public class Reviewables {

	private final ObjectProvider<Reviewable<?>> provider;

	private volatile Map<String, Typed<?>> byKey;

	Reviewables(ObjectProvider<Reviewable<?>> provider) {
		this.provider = provider;
	}

	/** The reviewable type stored as {@code key}, if a module registered it. */
	public Optional<Typed<?>> find(String key) {
		return Optional.ofNullable(all().get(key));
	}

	/** The registered reviewable of {@code type}. */
	@SuppressWarnings("unchecked")
	public <ID extends RecordId> Reviewable<ID> of(ReviewType<ID> type) {
		Typed<?> typed = all().get(type.key());
		if (typed == null || !typed.reviewable().type().equals(type)) {
			throw new IllegalStateException("no module registered the reviewable type " + type.key());
		}
		return (Reviewable<ID>) typed.reviewable();
	}

	public Set<String> keys() {
		return new TreeSet<>(all().keySet());
	}

	private Map<String, Typed<?>> all() {
		Map<String, Typed<?>> map = byKey;
		if (map == null) {
			map = new HashMap<>();
			for (Reviewable<?> reviewable : provider.orderedStream().toList()) {
				Typed<?> previous = map.put(reviewable.type().key(), new Typed<>(reviewable));
				if (previous != null) {
					throw new IllegalStateException("two reviewables for type " + reviewable.type().key());
				}
			}
			byKey = map;
		}
		return map;
	}

	/** A reviewable with its item ids as the approval requests store them (UUID strings). */
	public record Typed<ID extends RecordId>(Reviewable<ID> reviewable) {

		public Optional<UnderReview> find(String itemId) {
			return id(itemId).flatMap(reviewable::find);
		}

		public void reviewed(String itemId, ReviewStep step) {
			reviewable.reviewed(reviewable.type().id(itemId), step);
		}

		public ItemRef<ID> ref(String itemId) {
			return reviewable.type().ref(reviewable.type().id(itemId));
		}

		private Optional<ID> id(String itemId) {
			try {
				return Optional.of(reviewable.type().id(itemId));
			}
			catch (IllegalArgumentException e) {
				return Optional.empty();
			}
		}
	}
}
