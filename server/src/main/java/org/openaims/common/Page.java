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

	/**
	 * The page made of rows fetched with a limit of {@code limit + 1}: when the extra row came back,
	 * another page follows, and its cursor is {@code cursor} of the last row kept.
	 */
	public static <T> Page<T> cut(List<T> rows, int limit, Function<T, String> cursor) {
		if (rows.size() <= limit) {
			return new Page<>(rows, null);
		}
		List<T> items = rows.subList(0, limit);
		return new Page<>(items, cursor.apply(items.get(items.size() - 1)));
	}

	public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
		return new Page<>(items.stream().<R>map(mapper).toList(), next);
	}
}
