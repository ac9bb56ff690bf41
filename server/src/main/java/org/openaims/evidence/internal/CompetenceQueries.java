package org.openaims.evidence.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.SortOptions;
import org.openaims.common.SqlWhere;
import org.openaims.evidence.CompetenceFilter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Finds the competence records of a list page and those of the people the gap list checks. */
@Component
public class CompetenceQueries {

	/** What a page of competence records is sorted and cut by. */
	public record Row(UUID id, String person, Instant updatedAt) {
	}

	private static final SortOptions<Row> SORTS = SortOptions.<Row>by("c.id", Row::id, "person")
		.text("person", "c.person", Row::person)
		.time("updated", "c.updated_at", Row::updatedAt);

	private final JdbcClient jdbc;

	CompetenceQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Page<Row> page(CompetenceFilter filter, PageRequest request, LocalDate today) {
		SqlWhere where = where(filter, today);
		SortOptions<Row>.Sorting sorting = SORTS.apply(request, where);
		return sorting.page(jdbc.sql("SELECT c.id, c.person, c.updated_at FROM competences c" + where.sql() + sorting.orderByAndLimit())
			.params(where.params())
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant()))
			.list());
	}

	public long count(CompetenceFilter filter, LocalDate today) {
		SqlWhere where = where(filter, today);
		return jdbc.sql("SELECT COUNT(*) FROM competences c" + where.sql()).params(where.params()).query(Long.class).single();
	}

	private static SqlWhere where(CompetenceFilter filter, LocalDate today) {
		SqlWhere where = new SqlWhere().and("c.person = :person", "person",
				filter.person() == null || filter.person().isBlank() ? null : filter.person().strip())
			.and("c.area = :area", "area", filter.area() == null ? null : filter.area().name())
			.containsText("q", filter.q(), "c.competence", "COALESCE(c.role_detail, '')", "c.person");
		ValidityFilter.apply(where, filter.validity(), "c.valid_until", "c.valid_until", today);
		return where;
	}

	/** The ids of these people's records. */
	public List<UUID> ofPeople(Collection<String> people) {
		if (people.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT c.id FROM competences c WHERE c.person IN (:people)").param("people", people).query(UUID.class).list();
	}
}
