package org.openaims.common;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The orders a keyset-paginated list can be sorted in, and the one way lists are paged. Each order
 * is one NOT NULL column (or an expression such as {@code COALESCE(x, '')} over a column that can be
 * null, written the same way in its index) with the row's id as tie-breaker, so a page boundary is
 * the pair (value, id) of the last row, carried in an opaque cursor; the next page is found with the
 * row-value comparison {@code (column, id) > (value, id)}, which an index on {@code (column, id)}
 * answers by seeking, whatever the depth. A sort key prefixed with {@code -} sorts descending.
 *
 * @param <T> the row type
 */
public final class SortOptions<T> {

	private final Map<String, Column<T>> columns = new LinkedHashMap<>();

	private final String idColumn;

	private final Function<T, UUID> idOf;

	private final String defaultSort;

	private SortOptions(String idColumn, Function<T, UUID> idOf, String defaultSort) {
		this.idColumn = idColumn;
		this.idOf = idOf;
		this.defaultSort = defaultSort;
	}

	/** Starts the options of a list whose rows are identified by {@code idColumn}. */
	public static <T> SortOptions<T> by(String idColumn, Function<T, UUID> idOf, String defaultSort) {
		return new SortOptions<>(idColumn, idOf, defaultSort);
	}

	/** A text column. */
	public SortOptions<T> text(String key, String column, Function<T, String> value) {
		columns.put(key, new Column<>(column, row -> value.apply(row), Kind.TEXT));
		return this;
	}

	/** A whole-number column (e.g. a position in a document). */
	public SortOptions<T> integer(String key, String column, Function<T, Integer> value) {
		columns.put(key, new Column<>(column, row -> String.valueOf(value.apply(row)), Kind.INTEGER));
		return this;
	}

	/** A date column. */
	public SortOptions<T> date(String key, String column, Function<T, LocalDate> value) {
		columns.put(key, new Column<>(column, row -> value.apply(row).toString(), Kind.DATE));
		return this;
	}

	/** A timestamp column. */
	public SortOptions<T> time(String key, String column, Function<T, Instant> value) {
		columns.put(key, new Column<>(column, row -> value.apply(row).toString(), Kind.TIMESTAMP));
		return this;
	}

	/** The keys a client may send, ascending and descending. */
	public List<String> keys() {
		List<String> keys = new ArrayList<>();
		columns.keySet().forEach(k -> {
			keys.add(k);
			keys.add("-" + k);
		});
		return keys;
	}

	/**
	 * Applies the request to a query: adds the "after cursor" condition to {@code where} and returns
	 * the chosen order, which writes the ORDER BY clause and cuts the fetched rows into a page.
	 */
	public Sorting apply(PageRequest request, SqlWhere where) {
		String sort = request.sort() == null || request.sort().isBlank() ? defaultSort : request.sort().strip();
		boolean descending = sort.startsWith("-");
		String key = descending ? sort.substring(1) : sort;
		Column<T> column = columns.get(key);
		if (column == null) {
			throw new InvalidInputException("sort", "must be one of " + String.join(", ", keys()));
		}
		Sorting sorting = new Sorting(sort, column, descending, request.effectiveLimit());
		if (request.after() != null && !request.after().isBlank()) {
			sorting.restrict(request.after(), where);
		}
		return sorting;
	}

	/**
	 * The default order for reading a whole list in batches of {@code size} (exports; not a client's
	 * page, so not held to {@link PageRequest#MAX_LIMIT}), after {@code after} (a cursor of this order).
	 */
	public Sorting batch(int size, String after, SqlWhere where) {
		if (size < 1 || size > MAX_BATCH) {
			throw new IllegalArgumentException("a batch holds 1 to " + MAX_BATCH + " rows");
		}
		Sorting sorting = new Sorting(defaultSort, columns.get(defaultSort.startsWith("-") ? defaultSort.substring(1) : defaultSort),
				defaultSort.startsWith("-"), size);
		if (after != null && !after.isBlank()) {
			sorting.restrict(after, where);
		}
		return sorting;
	}

	/** The most rows {@link #batch} reads at a time. */
	public static final int MAX_BATCH = 5_000;

	/** One chosen order. */
	public final class Sorting {

		private final String sort;

		private final Column<T> column;

		private final boolean descending;

		private final int limit;

		private Sorting(String sort, Column<T> column, boolean descending, int limit) {
			this.sort = sort;
			this.column = column;
			this.descending = descending;
			this.limit = limit;
		}

		/** {@code ORDER BY ... LIMIT :limit+1}: one row more than the page, to know if another follows. */
		public String orderByAndLimit() {
			String dir = descending ? " DESC" : " ASC";
			return " ORDER BY " + column.column() + dir + ", " + idColumn + dir + " LIMIT " + (limit + 1);
		}

		/** Cuts the fetched rows (up to limit + 1) into a page with the next cursor. */
		public Page<T> page(List<T> rows) {
			return Page.cut(rows, limit, last -> encode(column.value().apply(last), idOf.apply(last)));
		}

		private void restrict(String cursor, SqlWhere where) {
			String[] parts = decode(cursor);
			if (!parts[0].equals(sort)) {
				throw new InvalidInputException("after", "the cursor belongs to another sort order than '" + sort + "'");
			}
			UUID id;
			Object value;
			try {
				id = UUID.fromString(parts[1]);
				value = switch (column.kind()) {
					case TIMESTAMP -> Timestamp.from(Instant.parse(parts[2]));
					case DATE -> Date.valueOf(LocalDate.parse(parts[2]));
					case TEXT -> parts[2];
					case INTEGER -> Integer.valueOf(parts[2]);
				};
			}
			catch (IllegalArgumentException | DateTimeParseException e) {
				throw invalidCursor();
			}
			// A row-value comparison: PostgreSQL and H2 answer it from the (column, id) index by seeking
			// to the cursor, where "col > v OR (col = v AND id > x)" reads every row before the page.
			String op = descending ? "<" : ">";
			where.and("(" + column.column() + ", " + idColumn + ") " + op + " (:after_value, :after_id)");
			where.param("after_value", value).param("after_id", id);
		}

		private String encode(String value, UUID id) {
			String raw = sort + "\n" + id + "\n" + value;
			return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
		}

		private String[] decode(String cursor) {
			try {
				String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
				String[] parts = raw.split("\n", 3);
				if (parts.length != 3) {
					throw invalidCursor();
				}
				return parts;
			}
			catch (IllegalArgumentException e) {
				throw invalidCursor();
			}
		}
	}

	private static InvalidInputException invalidCursor() {
		return new InvalidInputException("after", "is not a cursor returned by this list");
	}

	private enum Kind {
		TEXT, TIMESTAMP, DATE, INTEGER
	}

	private record Column<T>(String column, Function<T, String> value, Kind kind) {
	}
}
