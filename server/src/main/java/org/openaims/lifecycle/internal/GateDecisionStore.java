package org.openaims.lifecycle.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.SortOptions;
import org.openaims.common.SqlWhere;
import org.openaims.lifecycle.GateVerdict;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Gate decisions as recorded: written once with their signed statement, never changed. */
@Component
public class GateDecisionStore {

	/** A decision as stored; the statement holds everything else. */
	public record Row(UUID id, UUID changeId, UUID aiSystemId, String systemVersion, GateVerdict verdict, String statement,
			String statementDigest, UUID eventId, Instant decidedAt, String decidedBy) {
	}

	private static final SortOptions<Row> SORTS = SortOptions.<Row>by("d.id", Row::id, "-decided")
		.time("decided", "d.decided_at", Row::decidedAt);

	private static final String COLUMNS = "d.id, d.change_id, d.ai_system_id, d.system_version, d.verdict, d.statement, d.statement_digest,"
			+ " d.event_id, d.decided_at, d.decided_by";

	private final JdbcClient jdbc;

	GateDecisionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Row row, String riskTier, UUID policyId, Integer policyVersion, String policyDigest) {
		jdbc.sql("INSERT INTO gate_decisions (id, change_id, ai_system_id, system_version, risk_tier, policy_id, policy_version_no,"
				+ " policy_digest, verdict, statement, statement_digest, event_id, decided_at, decided_by) VALUES (:id, :change, :system,"
				+ " :version, :tier, :policy, :policyVersion, :policyDigest, :verdict, :statement, :digest, :event, :at, :by)")
			.param("id", row.id()).param("change", row.changeId()).param("system", row.aiSystemId()).param("version", row.systemVersion())
			.param("tier", riskTier).param("policy", policyId).param("policyVersion", policyVersion).param("policyDigest", policyDigest)
			.param("verdict", row.verdict().name()).param("statement", row.statement()).param("digest", row.statementDigest())
			.param("event", row.eventId()).param("at", Timestamp.from(row.decidedAt())).param("by", row.decidedBy())
			.update();
	}

	public Optional<Row> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM gate_decisions d WHERE d.id = :id").param("id", id).query(GateDecisionStore::row).optional();
	}

	public Page<Row> page(UUID changeId, UUID aiSystemId, GateVerdict verdict, PageRequest request) {
		SqlWhere where = new SqlWhere().and("d.change_id = :change", "change", changeId)
			.and("d.ai_system_id = :system", "system", aiSystemId)
			.and("d.verdict = :verdict", "verdict", verdict == null ? null : verdict.name());
		SortOptions<Row>.Sorting sorting = SORTS.apply(request, where);
		return sorting.page(jdbc.sql("SELECT " + COLUMNS + " FROM gate_decisions d" + where.sql() + sorting.orderByAndLimit())
			.params(where.params()).query(GateDecisionStore::row).list());
	}

	/** The newest decision of each change. */
	public Map<UUID, Row> latest(Collection<UUID> changeIds) {
		if (changeIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM gate_decisions d WHERE d.change_id IN (:ids) ORDER BY d.decided_at DESC, d.id DESC")
			.param("ids", changeIds).query(GateDecisionStore::row).list().stream()
			.collect(Collectors.toMap(Row::changeId, r -> r, (a, b) -> a));
	}

	public List<Row> newest(int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM gate_decisions d ORDER BY d.decided_at DESC, d.id DESC LIMIT " + limit)
			.query(GateDecisionStore::row).list();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getString(4),
				GateVerdict.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getObject(8, UUID.class),
				rs.getTimestamp(9).toInstant(), rs.getString(10));
	}
}
