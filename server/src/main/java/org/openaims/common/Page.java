package org.openaims.common;

import java.util.List;
import java.util.function.Function;

/**
 * One keyset page of a list: the items and the opaque cursor of the next page ({@code null} on the
 * last page). Serialized as {@code {"items": [...], "next": "..."}}.
 */
public record Page<T>(List<T> items, String next) {

	public Page {
		items = List.copyOf(items);
	}

	public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
		return new Page<>(items.stream().<R>map(mapper).toList(), next);
	}
}
