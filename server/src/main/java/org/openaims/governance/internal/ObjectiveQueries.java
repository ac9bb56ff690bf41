package org.openaims.governance.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.SortOptions;
import org.openaims.common.SqlWhere;
import org.openaims.governance.ObjectiveFilter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Finds the objectives of a list page (the service loads them whole: they are few and small). */
@Component
public class ObjectiveQueries {

	/** What a page of objectives is sorted and cut by. */
	public record Row(java.util.UUID id, String title, LocalDate dueDate, Instant updatedAt) {
	}

	private static final SortOptions<Row> SORTS = SortOptions.<Row>by("o.id", Row::id, "due")
		.date("due", "o.due_date", Row::dueDate)
		.text("title", "o.title", Row::title)
		.time("updated", "o.updated_at", Row::updatedAt);

	private final JdbcClient jdbc;

	ObjectiveQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Page<Row> page(ObjectiveFilter filter, PageRequest request) {
		SqlWhere where = new SqlWhere().and("o.status = :status", "status", filter.status())
			.and("o.owner = :owner", "owner", filter.owner() == null || filter.owner().isBlank() ? null : filter.owner().strip())
			.and("EXISTS (SELECT 1 FROM objective_systems s WHERE s.objective_id = o.id AND s.ai_system_id = :system)", "system",
					filter.aiSystemId())
			.containsText("q", filter.q(), "o.title", "o.measure", "o.target");
		if (Boolean.TRUE.equals(filter.overdue())) {
			where.and("o.due_date < :today AND o.status NOT IN ('ACHIEVED', 'MISSED', 'CANCELLED')", "today", LocalDate.now());
		}
		SortOptions<Row>.Sorting sorting = SORTS.apply(request, where);
		return sorting.page(jdbc.sql("SELECT o.id, o.title, o.due_date, o.updated_at FROM objectives o" + where.sql()
				+ sorting.orderByAndLimit())
			.params(where.params())
			.query((rs, n) -> new Row(rs.getObject(1, java.util.UUID.class), rs.getString(2), rs.getDate(3).toLocalDate(),
					rs.getTimestamp(4).toInstant()))
			.list());
	}
}
