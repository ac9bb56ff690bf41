package org.openaims.risk.internal;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.openaims.risk.ScoreKind;

import org.springframework.data.relational.core.mapping.event.AfterSaveCallback;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the heat map of the whole register: {@code risk_cells} (the inherent and residual cell of
 * each risk) and {@code risk_cell_counts} (risks per kind, criteria version and cell), moved from the
 * old cells to the new ones in the transaction that saves a risk. The unfiltered heat map reads the
 * counts; a filtered one still groups the risks it selects.
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

	/** The counts of one kind (INHERENT or RESIDUAL) over the whole register. */
	public List<Count> counts(ScoreKind kind) {
		return jdbc.sql("SELECT criteria_id, likelihood, impact, risks FROM risk_cell_counts WHERE kind = :kind AND risks <> 0")
			.param("kind", kind.name())
			.query((rs, n) -> new Count(rs.getObject(1, UUID.class), rs.getInt(2), rs.getInt(3), rs.getLong(4)))
			.list();
	}

	@Override
	public Risk onAfterSave(Risk risk) {
		Cell inherent = new Cell(risk.criteriaId(), risk.inherentLikelihood(), risk.inherentImpact());
		Cell residual = risk.residualCriteriaId() == null || risk.residualLikelihood() == null || risk.residualImpact() == null ? null
				: new Cell(risk.residualCriteriaId(), risk.residualLikelihood(), risk.residualImpact());
		List<Cell[]> before = jdbc.sql("SELECT criteria_id, likelihood, impact, residual_criteria_id, residual_likelihood, residual_impact "
				+ "FROM risk_cells WHERE risk_id = :risk")
			.param("risk", risk.id())
			.query((rs, n) -> new Cell[] { new Cell(rs.getObject(1, UUID.class), rs.getInt(2), rs.getInt(3)),
					rs.getObject(4) == null || rs.getObject(5) == null || rs.getObject(6) == null ? null
							: new Cell(rs.getObject(4, UUID.class), rs.getInt(5), rs.getInt(6)) })
			.list();
		if (before.isEmpty()) {
			jdbc.sql("INSERT INTO risk_cells (risk_id, criteria_id, likelihood, impact, residual_criteria_id, residual_likelihood, "
					+ "residual_impact) VALUES (:risk, :c, :l, :i, :rc, :rl, :ri)")
				.param("risk", risk.id()).param("c", inherent.criteriaId()).param("l", inherent.likelihood()).param("i", inherent.impact())
				.param("rc", residual == null ? null : residual.criteriaId())
				.param("rl", residual == null ? null : residual.likelihood())
				.param("ri", residual == null ? null : residual.impact())
				.update();
			move(ScoreKind.INHERENT, null, inherent);
			move(ScoreKind.RESIDUAL, null, residual);
			return risk;
		}
		Cell oldInherent = before.get(0)[0];
		Cell oldResidual = before.get(0)[1];
		if (Objects.equals(oldInherent, inherent) && Objects.equals(oldResidual, residual)) {
			return risk;
		}
		jdbc.sql("UPDATE risk_cells SET criteria_id = :c, likelihood = :l, impact = :i, residual_criteria_id = :rc, "
				+ "residual_likelihood = :rl, residual_impact = :ri WHERE risk_id = :risk")
			.param("risk", risk.id()).param("c", inherent.criteriaId()).param("l", inherent.likelihood()).param("i", inherent.impact())
			.param("rc", residual == null ? null : residual.criteriaId())
			.param("rl", residual == null ? null : residual.likelihood())
			.param("ri", residual == null ? null : residual.impact())
			.update();
		move(ScoreKind.INHERENT, oldInherent, inherent);
		move(ScoreKind.RESIDUAL, oldResidual, residual);
		return risk;
	}

	private void move(ScoreKind kind, Cell from, Cell to) {
		if (Objects.equals(from, to)) {
			return;
		}
		if (from != null) {
			add(kind, from, -1);
		}
		if (to != null) {
			add(kind, to, 1);
		}
	}

	private void add(ScoreKind kind, Cell cell, int delta) {
		int updated = jdbc.sql("UPDATE risk_cell_counts SET risks = risks + :delta WHERE kind = :kind AND criteria_id = :c "
				+ "AND likelihood = :l AND impact = :i")
			.param("delta", delta).param("kind", kind.name()).param("c", cell.criteriaId()).param("l", cell.likelihood())
			.param("i", cell.impact())
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO risk_cell_counts (kind, criteria_id, likelihood, impact, risks) VALUES (:kind, :c, :l, :i, :delta)")
				.param("kind", kind.name()).param("c", cell.criteriaId()).param("l", cell.likelihood()).param("i", cell.impact())
				.param("delta", delta)
				.update();
		}
	}

	private record Cell(UUID criteriaId, int likelihood, int impact) {
	}
}
