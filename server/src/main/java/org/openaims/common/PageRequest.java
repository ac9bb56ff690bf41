package org.openaims.common;

/**
 * What a client asked of a list: how many items, after which cursor, in which order
 * ({@code name}, {@code -updated} …). Checked when the list's {@link SortOptions} parse it.
 */
public record PageRequest(Integer limit, String after, String sort) {

	public static final int DEFAULT_LIMIT = 50;

	public static final int MAX_LIMIT = 500;

	public static PageRequest first(int limit) {
		return new PageRequest(limit, null, null);
	}

	public int effectiveLimit() {
		if (limit == null) {
			return DEFAULT_LIMIT;
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
		}
		return limit;
	}

	public PageRequest withAfter(String cursor) {
		return new PageRequest(limit, cursor, sort);
	}
}
