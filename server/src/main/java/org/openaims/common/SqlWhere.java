package org.openaims.common;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Collects the conditions and named parameters of a list query's WHERE clause; conditions whose
 * value is absent are left out, so optional filters need no branching at the call site. Written for
 * SQL that runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.
 */
public final class SqlWhere {

	private final List<String> clauses = new ArrayList<>();

	private final Map<String, Object> params = new LinkedHashMap<>();

	/** Adds {@code clause} (which names {@code :param}) when {@code value} is not null. */
	public SqlWhere and(String clause, String param, Object value) {
		if (value != null) {
			clauses.add(clause);
			params.put(param, bindable(value));
		}
		return this;
	}

	/** Adds a condition without parameters. */
	public SqlWhere and(String clause) {
		clauses.add(clause);
		return this;
	}

	/** Adds a parameter used by a condition added separately. */
	public SqlWhere param(String name, Object value) {
		params.put(name, bindable(value));
		return this;
	}

	/**
	 * Case-insensitive "contains" over several columns: the text is matched literally (LIKE
	 * wildcards in it are escaped). Blank text adds nothing.
	 */
	public SqlWhere containsText(String param, String text, String... columns) {
		if (text == null || text.isBlank()) {
			return this;
		}
		String pattern = "%" + escapeLike(text.strip().toLowerCase(Locale.ROOT)) + "%";
		clauses.add(Stream.of(columns)
			.map(column -> "LOWER(" + column + ") LIKE :" + param + " ESCAPE '\\'")
			.collect(Collectors.joining(" OR ", "(", ")")));
		params.put(param, pattern);
		return this;
	}

	/**
	 * The condition that a comma-separated list column (e.g. {@code a,b,c}) holds the item whose
	 * {@link #listItemPattern} is bound to {@code param}.
	 */
	public static String listHas(String column, String param) {
		return "(',' || " + column + " || ',') LIKE :" + param + " ESCAPE '\\'";
	}

	/**
	 * The condition that a comma-separated list column holds the item bound to {@code param} as
	 * {@link #listItem}: the same test as {@link #listHas}, but PostgreSQL estimates it as a third of the
	 * rows instead of next to none, so that a sorted page with a LIMIT walks its index and stops early
	 * instead of sorting every candidate (the approvals inbox).
	 */
	public static String listHolds(String column, String param) {
		return "POSITION(:" + param + " IN (',' || " + column + " || ',')) > 0";
	}

	/** The value {@link #listHolds} looks for: the item between commas. */
	public static String listItem(String item) {
		return "," + item + ",";
	}

	/** The condition that a comma-separated list column does not hold the item bound to {@code param}. */
	public static String listLacks(String column, String param) {
		return "(',' || COALESCE(" + column + ", '') || ',') NOT LIKE :" + param + " ESCAPE '\\'";
	}

	/** The LIKE pattern that finds {@code item} in a comma-separated list (see {@link #listHas}). */
	public static String listItemPattern(String item) {
		return "%," + escapeLike(item) + ",%";
	}

	/** The LIKE pattern (with {@code ESCAPE '\\'}) that finds {@code text} anywhere, in lower case; for conditions {@link #containsText} cannot write. */
	public static String containsPattern(String text) {
		return "%" + escapeLike(text.strip().toLowerCase(Locale.ROOT)) + "%";
	}

	public String sql() {
		return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
	}

	public Map<String, Object> params() {
		return params;
	}

	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	static Object bindable(Object value) {
		if (value instanceof Instant instant) {
			return Timestamp.from(instant);
		}
		if (value instanceof Enum<?> e) {
			return e.name();
		}
		return value;
	}
}
