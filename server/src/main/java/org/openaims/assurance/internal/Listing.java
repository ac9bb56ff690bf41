package org.openaims.assurance.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.openaims.common.AggregateBatch;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.SortOptions;
import org.openaims.common.SqlWhere;
import org.openaims.reporting.Table;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one way the assurance lists are paged (keyset, sorted by a time or a title column with the id as
 * tie-breaker) and exported (read a page at a time, written as the rows come).
 */
public final class Listing {

	/** The sort values of a row. */
	public record Row(UUID id, Instant at, String title) {
	}

	private final String from;

	private final String timeColumn;

	private final String titleColumn;

	private final SortOptions<Row> sorts;

	/**
	 * A list of {@code from} (a table and its alias, e.g. {@code "audits a"}), sorted by {@code timeKey}
	 * ({@code timeColumn}, a NOT NULL timestamp or date) or {@code title}; newest first unless {@code defaultSort} says otherwise.
	 */
	public Listing(String from, String idColumn, String timeKey, String timeColumn, boolean dateColumn, String titleColumn, String defaultSort) {
		this.from = from;
		this.timeColumn = timeColumn;
		this.titleColumn = titleColumn;
		SortOptions<Row> options = SortOptions.by(idColumn, Row::id, defaultSort);
		if (dateColumn) {
			options = options.date(timeKey, timeColumn, r -> LocalDate.ofInstant(r.at(), java.time.ZoneOffset.UTC));
		}
		else {
			options = options.time(timeKey, timeColumn, Row::at);
		}
		sorts = options.text("title", titleColumn, Row::title);
	}

	/** One page of aggregates of {@code type} matching {@code where}, loaded in one query. */
	public <T> Page<T> page(JdbcClient jdbc, AggregateBatch batch, Class<T> type, Function<T, UUID> idOf, SqlWhere where, PageRequest request) {
		SortOptions<Row>.Sorting sorting = sorts.apply(request, where);
		String idColumn = from.contains(" ") ? from.substring(from.indexOf(' ') + 1) + ".id" : "id";
		Page<Row> page = sorting.page(jdbc.sql("SELECT " + idColumn + ", " + timeColumn + ", " + titleColumn + " FROM " + from + where.sql()
				+ sorting.orderByAndLimit())
			.params(where.params())
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), instant(rs.getObject(2)), rs.getString(3)))
			.list());
		List<UUID> ids = page.items().stream().map(Row::id).toList();
		Map<UUID, T> loaded = batch.findAllById(type, ids).stream().collect(Collectors.toMap(idOf, t -> t));
		return new Page<>(ids.stream().map(loaded::get).toList(), page.next());
	}

	/** How many rows match. */
	public long count(JdbcClient jdbc, SqlWhere where) {
		return jdbc.sql("SELECT COUNT(*) FROM " + from + where.sql()).params(where.params()).query(Long.class).single();
	}

	/** An export of a list, read {@code batchRows} at a time through {@code list}, each item written as {@code row}. */
	public static <V> Table table(String stem, String title, List<String> header, long total, int batchRows,
			Function<PageRequest, Page<V>> list, Function<V, List<?>> row) {
		int size = Math.min(batchRows, PageRequest.MAX_LIMIT);
		return new Table(stem, title + " — " + total + " — generated " + LocalDate.now(), header, total, writer -> {
			PageRequest request = new PageRequest(size, null, null);
			while (request != null) {
				Page<V> page = list.apply(request);
				page.items().forEach(v -> writer.row(row.apply(v)));
				request = page.next() == null ? null : request.withAfter(page.next());
			}
		});
	}

	private static Instant instant(Object value) {
		if (value instanceof Timestamp t) {
			return t.toInstant();
		}
		if (value instanceof java.sql.Date d) {
			return d.toLocalDate().atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
		}
		if (value instanceof LocalDate d) {
			return d.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
		}
		if (value instanceof java.time.OffsetDateTime o) {
			return o.toInstant();
		}
		return (Instant) value;
	}
}
