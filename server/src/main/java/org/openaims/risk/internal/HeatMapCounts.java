package org.openaims.risk.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.openaims.common.SqlWhere;
import org.openaims.risk.RiskFilter;
import org.openaims.risk.RiskStatus;
import org.openaims.risk.ScoreKind;

import org.springframework.data.relational.core.mapping.event.AfterSaveCallback;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the heat map counts: {@code risk_cells} (each risk's category, status, whether it is
 * organization-wide, and its inherent and residual cell) and {@code risk_cell_counts} (risks per kind,
 * category, status, organization-wide, criteria version and cell), moved from the old row to the new in
 * the transaction that saves a risk. A heat map filtered by nothing but category, status and
 * organization-wide sums the counts; any other filter groups the risks it selects.
 */
@Component
public class HeatMapCounts implements AfterSaveCallback<Risk> {

	private final JdbcClient jdbc;

	HeatMapCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A cell of the counts: criteria version, likelihood, impact and how many risks. */
	public record Count(UUID criteriaId, int likelihood, int impact, long risks) {
	}

	/** Whether the counts answer a filter: nothing but category, status and organization-wide is set. */
	public static boolean answers(RiskFilter f) {
		return f.withoutCell().equals(new RiskFilter(null, f.organizationOnly(), f.category(), null, f.status(), null, null, null, null,
				null, null, null));
	}

	/** The counts of one kind (INHERENT or RESIDUAL) over the risks of a filter the counts {@link #answers}. */
	public List<Count> counts(ScoreKind kind, RiskFilter f) {
		SqlWhere where = new SqlWhere().and("kind = :kind", "kind", kind.name())
			.and("category = :category", "category", f.category() == null || f.category().isBlank() ? null : f.category().strip())
			.and("status = :status", "status", f.status() == null ? null : f.status().name());
		if (Boolean.TRUE.equals(f.organizationOnly())) {
			where.and("organization_only = TRUE");
		}
		return jdbc.sql("SELECT criteria_id, likelihood, impact, SUM(risks) FROM risk_cell_counts" + where.sql()
				+ " GROUP BY criteria_id, likelihood, impact HAVING SUM(risks) <> 0")
			.params(where.params())
			.query((rs, n) -> new Count(rs.getObject(1, UUID.class), rs.getInt(2), rs.getInt(3), rs.getLong(4)))
			.list();
	}

	@Override
	public Risk onAfterSave(Risk risk) {
		Row now = new Row(new Key(risk.category(), risk.status().name(), risk.aiSystemId() == null),
				new Cell(risk.criteriaId(), risk.inherentLikelihood(), risk.inherentImpact()),
				risk.residualCriteriaId() == null || risk.residualLikelihood() == null || risk.residualImpact() == null ? null
						: new Cell(risk.residualCriteriaId(), risk.residualLikelihood(), risk.residualImpact()));
		List<Row> before = jdbc.sql("SELECT category, status, organization_only, criteria_id, likelihood, impact, residual_criteria_id, "
				+ "residual_likelihood, residual_impact FROM risk_cells WHERE risk_id = :risk")
			.param("risk", risk.id())
			.query((rs, n) -> new Row(new Key(rs.getString(1), rs.getString(2), rs.getBoolean(3)),
					new Cell(rs.getObject(4, UUID.class), rs.getInt(5), rs.getInt(6)),
					rs.getObject(7) == null || rs.getObject(8) == null || rs.getObject(9) == null ? null
							: new Cell(rs.getObject(7, UUID.class), rs.getInt(8), rs.getInt(9))))
			.list();
		Row old = before.isEmpty() ? null : before.get(0);
		if (now.equals(old)) {
			return risk;
		}
		String sql = old == null
				? "INSERT INTO risk_cells (risk_id, category, status, organization_only, criteria_id, likelihood, impact, "
						+ "residual_criteria_id, residual_likelihood, residual_impact) VALUES (:risk, :category, :status, :org, :c, :l, :i, :rc, :rl, :ri)"
				: "UPDATE risk_cells SET category = :category, status = :status, organization_only = :org, criteria_id = :c, likelihood = :l, "
						+ "impact = :i, residual_criteria_id = :rc, residual_likelihood = :rl, residual_impact = :ri WHERE risk_id = :risk";
		jdbc.sql(sql)
			.param("risk", risk.id()).param("category", now.key().category()).param("status", now.key().status())
			.param("org", now.key().organizationOnly())
			.param("c", now.inherent().criteriaId()).param("l", now.inherent().likelihood()).param("i", now.inherent().impact())
			.param("rc", now.residual() == null ? null : now.residual().criteriaId())
			.param("rl", now.residual() == null ? null : now.residual().likelihood())
			.param("ri", now.residual() == null ? null : now.residual().impact())
			.update();
		move(ScoreKind.INHERENT, old == null ? null : old.key(), old == null ? null : old.inherent(), now.key(), now.inherent());
		move(ScoreKind.RESIDUAL, old == null ? null : old.key(), old == null ? null : old.residual(), now.key(), now.residual());
		return risk;
	}

	private void move(ScoreKind kind, Key fromKey, Cell from, Key toKey, Cell to) {
		if (Objects.equals(fromKey, toKey) && Objects.equals(from, to)) {
			return;
		}
		if (from != null) {
			add(kind, fromKey, from, -1);
		}
		if (to != null) {
			add(kind, toKey, to, 1);
		}
	}

	private void add(ScoreKind kind, Key key, Cell cell, int delta) {
		List<Object> values = new ArrayList<>(List.of(kind.name(), key.category(), key.status(), key.organizationOnly(), cell.criteriaId(),
				cell.likelihood(), cell.impact()));
		int updated = jdbc.sql("UPDATE risk_cell_counts SET risks = risks + ? WHERE kind = ? AND category = ? AND status = ? "
				+ "AND organization_only = ? AND criteria_id = ? AND likelihood = ? AND impact = ?")
			.params(prepend(delta, values))
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO risk_cell_counts (kind, category, status, organization_only, criteria_id, likelihood, impact, risks) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
				.params(append(values, delta))
				.update();
		}
	}

	private static List<Object> prepend(Object first, List<Object> rest) {
		List<Object> all = new ArrayList<>(rest);
		all.add(0, first);
		return all;
	}

	private static List<Object> append(List<Object> first, Object last) {
		List<Object> all = new ArrayList<>(first);
		all.add(last);
		return all;
	}

	private record Key(String category, String status, boolean organizationOnly) {
	}

	private record Cell(UUID criteriaId, int likelihood, int impact) {
	}

	private record Row(Key key, Cell inherent, Cell residual) {
	}
}
