package org.openaims.governance.internal;

import java.time.Instant;
import java.util.UUID;

import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.SortOptions;
import org.openaims.common.SqlWhere;
import org.openaims.governance.ConcernFilter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Finds the concerns of a list page; {@code reporter} restricts it to one reporter's own. */
@Component
public class ConcernQueries {

	/** What a page of concerns is sorted and cut by. */
	public record Row(UUID id, String summary, Instant createdAt, Instant updatedAt) {
	}

	private static final SortOptions<Row> SORTS = SortOptions.<Row>by("c.id", Row::id, "-created")
		.time("created", "c.created_at", Row::createdAt)
		.time("updated", "c.updated_at", Row::updatedAt)
		.text("summary", "c.summary", Row::summary);

	private final JdbcClient jdbc;

	ConcernQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Page<Row> page(ConcernFilter filter, String reporter, PageRequest request) {
		SqlWhere where = new SqlWhere().and("c.reporter = :reporter", "reporter", reporter)
			.and("c.status = :status", "status", filter.status())
			.and("c.ai_system_id = :system", "system", filter.aiSystemId())
			.containsText("q", filter.q(), "c.summary", "c.description");
		if (filter.open() != null) {
			where.and(filter.open() ? "c.status NOT IN ('RESOLVED', 'DISMISSED')" : "c.status IN ('RESOLVED', 'DISMISSED')");
		}
		SortOptions<Row>.Sorting sorting = SORTS.apply(request, where);
		return sorting.page(jdbc.sql("SELECT c.id, c.summary, c.created_at, c.updated_at FROM concerns c" + where.sql()
				+ sorting.orderByAndLimit())
			.params(where.params())
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(),
					rs.getTimestamp(4).toInstant()))
			.list());
	}
}
