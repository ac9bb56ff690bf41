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
import org.openaims.evidence.EvidenceKind;
import org.openaims.evidence.Validity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Finds the evidence items of a list page (the service loads them, one statement per collection). */
@Component
public class EvidenceQueries {

	/** What a page of evidence is sorted and cut by. */
	public record Row(UUID id, String title, LocalDate receivedOn, LocalDate expiresOn, Instant updatedAt) {
	}

	/** A filter with its references resolved: the requirement's id, the record as {@code type:id}. */
	public record Resolved(EvidenceKind kind, String owner, UUID requirementId, UUID aiSystemId, String record, Validity validity,
			Integer expiringWithin, String q) {
	}

	private static final SortOptions<Row> SORTS = SortOptions.<Row>by("e.id", Row::id, "-updated")
		.time("updated", "e.updated_at", Row::updatedAt)
		.text("title", "e.title", Row::title)
		.date("received", "e.received_on", Row::receivedOn)
		.date("expiry", "e.expires_on", Row::expiresOn);

	private final JdbcClient jdbc;

	EvidenceQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Page<Row> page(Resolved filter, PageRequest request, LocalDate today) {
		SqlWhere where = where(filter, today);
		SortOptions<Row>.Sorting sorting = SORTS.apply(request, where);
		return sorting.page(jdbc.sql("SELECT e.id, e.title, e.received_on, e.expires_on, e.updated_at FROM evidence_items e" + where.sql()
				+ sorting.orderByAndLimit())
			.params(where.params())
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate(),
					rs.getTimestamp(5).toInstant()))
			.list());
	}

	public long count(Resolved filter, LocalDate today) {
		SqlWhere where = where(filter, today);
		return jdbc.sql("SELECT COUNT(*) FROM evidence_items e" + where.sql()).params(where.params()).query(Long.class).single();
	}

	private static SqlWhere where(Resolved filter, LocalDate today) {
		SqlWhere where = new SqlWhere().and("e.kind = :kind", "kind", filter.kind() == null ? null : filter.kind().name())
			.and("e.owner = :owner", "owner", filter.owner())
			.and("EXISTS (SELECT 1 FROM evidence_links l WHERE l.evidence_id = e.id AND l.target_type = 'REQUIREMENT' AND l.target_id = :req)",
					"req", filter.requirementId() == null ? null : filter.requirementId().toString())
			.and("EXISTS (SELECT 1 FROM evidence_links l WHERE l.evidence_id = e.id AND l.target_type = 'AI_SYSTEM' AND l.target_id = :sys)",
					"sys", filter.aiSystemId() == null ? null : filter.aiSystemId().toString())
			.and("(EXISTS (SELECT 1 FROM evidence_links l WHERE l.evidence_id = e.id AND l.target_type = 'RECORD' AND l.target_id = :rec)"
					+ " OR (e.record_type || ':' || e.record_id) = :rec)", "rec", filter.record());
		ValidityFilter.apply(where, filter.validity(), "e.expires_on", "e.valid_until", today);
		if (filter.expiringWithin() != null) {
			where.and("e.expires_on >= :from AND e.expires_on <= :until", "from", today).param("until",
					today.plusDays(filter.expiringWithin()));
		}
		if (filter.q() != null && !filter.q().isBlank()) {
			String pattern = SqlWhere.containsPattern(filter.q());
			where.and("(LOWER(e.title) LIKE :q ESCAPE '\\' OR LOWER(COALESCE(e.description, '')) LIKE :q ESCAPE '\\'"
					+ " OR LOWER(COALESCE(e.url, '')) LIKE :q ESCAPE '\\'"
					+ " OR EXISTS (SELECT 1 FROM evidence_versions v WHERE v.evidence_id = e.id AND LOWER(v.file_name) LIKE :q ESCAPE '\\'))",
					"q", pattern);
		}
		return where;
	}

	/** Summaries of the evidence linked to each requirement, for the Statement of Applicability. */
	public List<Linked> linkedTo(String targetType, Collection<String> targetIds) {
		if (targetIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT l.target_id, e.id, e.title, e.kind, e.valid_until FROM evidence_links l"
				+ " JOIN evidence_items e ON e.id = l.evidence_id WHERE l.target_type = :type AND l.target_id IN (:ids)"
				+ " ORDER BY e.expires_on, e.title, e.id")
			.param("type", targetType)
			.param("ids", targetIds)
			.query((rs, n) -> new Linked(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
					EvidenceKind.valueOf(rs.getString(4)), rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate()))
			.list();
	}

	/** Summaries of these items, in one statement. */
	public List<Linked> summaries(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT e.id, e.id, e.title, e.kind, e.valid_until FROM evidence_items e WHERE e.id IN (:ids)")
			.param("ids", ids)
			.query((rs, n) -> new Linked(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
					EvidenceKind.valueOf(rs.getString(4)), rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate()))
			.list();
	}

	/** One link of an item to a target. */
	public record Linked(String targetId, UUID id, String title, EvidenceKind kind, LocalDate validUntil) {
	}

	/** Items whose validity ended before {@code today} and was not announced yet. */
	public List<UUID> expiredUnnoticed(LocalDate today, int limit) {
		return jdbc.sql("SELECT e.id FROM evidence_items e WHERE e.expires_on < :today"
				+ " AND (e.expiry_noticed IS NULL OR e.expiry_noticed <> e.valid_until) ORDER BY e.expires_on, e.id LIMIT " + limit)
			.param("today", today)
			.query(UUID.class)
			.list();
	}
}
