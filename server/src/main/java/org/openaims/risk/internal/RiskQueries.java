package org.openaims.risk.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.SortOptions;
import org.openaims.common.SqlWhere;
import org.openaims.risk.RiskFilter;
import org.openaims.risk.ScoreKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reporting queries over the risk register: pages, heat-map counts, "selected by" labels, reference numbers. */
@Component
public class RiskQueries {

	/** What a page of risks is sorted and cut by. */
	public record Row(UUID id, String title, LocalDate reviewDate, Instant updatedAt) {
	}

	/** Risks with the same scores on the same criteria version. */
	public record CellCount(UUID criteriaId, Integer likelihood, Integer impact, long count) {
	}

	private static final SortOptions<Row> SORTS = SortOptions.<Row>by("r.id", Row::id, "review")
		.date("review", "r.review_date", Row::reviewDate)
		.text("title", "r.title", Row::title)
		.time("updated", "r.updated_at", Row::updatedAt);

	private static final Pattern REF = Pattern.compile("(?i)\\s*risk-(\\d{1,9})\\s*");

	private final JdbcClient jdbc;

	RiskQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The next reference number (RISK-n). */
	public int nextRefNo() {
		return jdbc.sql("SELECT NEXTVAL('risk_numbers')").query(Long.class).single().intValue();
	}

	/**
	 * A page of risks. {@code cellCriteria} is the criteria version a heat-map cell filter counts on
	 * (risks scored on other versions are not in the cell).
	 */
	public Page<Row> page(RiskFilter filter, UUID cellCriteria, PageRequest request) {
		SqlWhere where = where(filter, cellCriteria);
		SortOptions<Row>.Sorting sorting = SORTS.apply(request, where);
		return sorting.page(jdbc.sql("SELECT r.id, r.title, r.review_date, r.updated_at FROM risks r" + where.sql()
				+ sorting.orderByAndLimit())
			.params(where.params())
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getDate(3).toLocalDate(),
					rs.getTimestamp(4).toInstant()))
			.list());
	}

	/** How many risks a filter lists. */
	public long count(RiskFilter filter, UUID cellCriteria) {
		SqlWhere where = where(filter, cellCriteria);
		return jdbc.sql("SELECT COUNT(*) FROM risks r" + where.sql()).params(where.params()).query(Long.class).single();
	}

	/** The risks of a filter grouped by their inherent or residual scores and criteria version. */
	public List<CellCount> cells(RiskFilter filter, ScoreKind kind) {
		SqlWhere where = where(filter.withoutCell(), null);
		String cols = kind == ScoreKind.RESIDUAL ? "r.residual_criteria_id, r.residual_likelihood, r.residual_impact"
				: "r.criteria_id, r.inherent_likelihood, r.inherent_impact";
		return jdbc.sql("SELECT " + cols + ", COUNT(*) FROM risks r" + where.sql() + " GROUP BY " + cols)
			.params(where.params())
			.query((rs, n) -> new CellCount(rs.getObject(1, UUID.class), (Integer) rs.getObject(2, Integer.class),
					(Integer) rs.getObject(3, Integer.class), rs.getLong(4)))
			.list();
	}

	/** For each requirement, the open risks whose (not cancelled) treatment actions implement it, as "RISK-n title". */
	public Map<UUID, List<String>> selections(Collection<UUID> requirementIds) {
		Map<UUID, List<String>> result = new HashMap<>();
		if (requirementIds.isEmpty()) {
			return result;
		}
		Map<UUID, LinkedHashSet<String>> labels = new HashMap<>();
		jdbc.sql("SELECT c.requirement_id, r.ref_no, r.title FROM risk_action_controls c JOIN risks r ON r.id = c.risk_id"
				+ " JOIN risk_actions a ON a.risk_id = c.risk_id AND a.action_id = c.action_id"
				+ " WHERE c.requirement_id IN (:ids) AND r.status <> 'CLOSED' AND a.status <> 'CANCELLED' ORDER BY r.ref_no")
			.param("ids", new ArrayList<>(new LinkedHashSet<>(requirementIds)))
			.query(rs -> {
				labels.computeIfAbsent(rs.getObject(1, UUID.class), k -> new LinkedHashSet<>())
					.add("RISK-" + rs.getInt(2) + " " + rs.getString(3));
			});
		labels.forEach((k, v) -> result.put(k, List.copyOf(v)));
		return result;
	}

	private static SqlWhere where(RiskFilter f, UUID cellCriteria) {
		SqlWhere where = new SqlWhere().and("r.ai_system_id = :system", "system", f.aiSystemId())
			.and("r.category = :category", "category", blankToNull(f.category()))
			.and("r.owner = :owner", "owner", blankToNull(f.owner()))
			.and("r.status = :status", "status", f.status())
			.and("r.inherent_level = :inherentLevel", "inherentLevel", blankToNull(f.inherentLevel()))
			.and("r.residual_level = :residualLevel", "residualLevel", blankToNull(f.residualLevel()))
			.and("r.reassessment_due = :due", "due", f.reassessmentDue());
		if (Boolean.TRUE.equals(f.organizationOnly())) {
			where.and("r.ai_system_id IS NULL");
		}
		if (f.q() != null && !f.q().isBlank()) {
			Matcher ref = REF.matcher(f.q());
			if (ref.matches()) {
				where.and("r.ref_no = :refNo", "refNo", Integer.parseInt(ref.group(1)));
			}
			else {
				where.containsText("q", f.q(), "r.title", "r.description", "r.cause", "r.risk_source");
			}
		}
		if (f.scores() != null) {
			boolean residual = f.scores() == ScoreKind.RESIDUAL;
			String prefix = residual ? "r.residual_" : "r.inherent_";
			where.and(prefix + "likelihood = :cellLikelihood", "cellLikelihood", f.likelihood() == null ? -1 : f.likelihood())
				.and(prefix + "impact = :cellImpact", "cellImpact", f.impact() == null ? -1 : f.impact())
				.and((residual ? "r.residual_criteria_id" : "r.criteria_id") + " = :cellCriteria", "cellCriteria", cellCriteria);
		}
		return where;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
