package org.openaims.risk;

import java.util.List;

/**
 * Counts of the risks of a filter per likelihood × impact cell (inherent or residual), on the criteria
 * version in force. {@code total} is what the register lists for the same filter: the cells plus the
 * risks without such scores ({@code unscored}) and those scored on another criteria version
 * ({@code otherCriteria}).
 */
public record HeatMap(ScoreKind kind, int criteriaVersionNo, List<ScaleLevel> likelihood, List<ScaleLevel> impact,
		List<RiskLevel> levels, List<Cell> cells, long total, long unscored, long otherCriteria) {

	/** One cell: its scores, level and number of risks. */
	public record Cell(int likelihood, int impact, String level, long count) {
	}

	public long count(int l, int i) {
		return cells.stream().filter(c -> c.likelihood() == l && c.impact() == i).mapToLong(Cell::count).sum();
	}

	public String level(int l, int i) {
		return cells.stream().filter(c -> c.likelihood() == l && c.impact() == i).map(Cell::level).findFirst().orElse(null);
	}
}
