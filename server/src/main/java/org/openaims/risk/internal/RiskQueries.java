package org.openaims.risk.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openaims.common.AggregateBatch;
import org.openaims.common.DatabaseVendor;
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

	/** Risks with the same scores on the same criteria version. */
	public record CellCount(UUID criteriaId, Integer likelihood, Integer impact, long count) {
	}

	private static final SortOptions<Risk> SORTS = SortOptions.<Risk>by("r.id", Risk::id, "review")
		.date("review", "r.review_date", Risk::reviewDate)
		.text("title", "r.title", Risk::title)
		.time("updated", "r.updated_at", Risk::updatedAt);

	private static final Pattern REF = Pattern.compile("(?i)\\s*risk-(\\d{1,9})\\s*");

	private final JdbcClient jdbc;

	private final AggregateBatch batch;

	private final DatabaseVendor vendor;

	RiskQueries(JdbcClient jdbc, AggregateBatch batch, DatabaseVendor vendor) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.vendor = vendor;
	}

	/** The next reference number (RISK-n). */
	public int nextRefNo() {
		return jdbc.sql("SELECT NEXTVAL('risk_numbers')").query(Long.class).single().intValue();
	}

	/**
	 * A page of risks. {@code cellCriteria} is the criteria version a heat-map cell filter counts on
	 * (risks scored on other versions are not in the cell).
	 */
	public Page<Risk> page(RiskFilter filter, UUID cellCriteria, PageRequest request) {
		Filtered f = where(filter, cellCriteria).prepare(jdbc);
		SortOptions<Risk>.Sorting sorting = SORTS.apply(request, f.where());
		return sorting.page(batch.query(Risk.class, "SELECT r.* FROM risks r" + f.where().sql() + sorting.orderByAndLimit(),
				f.where().params()));
	}

	/** What an export writes of a risk, read without its aggregate (plain rows: a million of them). */
	public record ExportRow(UUID id, int refNo, String title, UUID aiSystemId, String category, String owner, String status,
			UUID criteriaId, int inherentLikelihood, int inherentImpact, String inherentLevel, String treatmentOption,
			Integer targetLikelihood, Integer targetImpact, UUID residualCriteriaId, Integer residualLikelihood, Integer residualImpact,
			String residualLevel, String acceptedBy, java.time.Instant acceptedAt, boolean reassessmentDue, java.time.LocalDate reviewDate,
			List<ExportAction> actions) {
	}

	/** A treatment action as an export writes it, with the requirements its controls are. */
	public record ExportAction(UUID actionId, int position, String title, String status, java.time.LocalDate dueDate,
			List<UUID> requirements) {
	}

	private static final SortOptions<ExportRow> EXPORT_ORDER = SortOptions.<ExportRow>by("r.id", ExportRow::id, "review")
		.date("review", "r.review_date", ExportRow::reviewDate);

	/**
	 * A batch of the risks of a filter for an export, in review order after {@code after} (a cursor of
	 * this method, or null): three statements — the risks, their actions, their actions' controls.
	 */
	public Page<ExportRow> exportBatch(RiskFilter filter, UUID cellCriteria, int size, String after) {
		Filtered f = where(filter, cellCriteria).prepare(jdbc);
		SortOptions<ExportRow>.Sorting sorting = EXPORT_ORDER.batch(size, after, f.where());
		List<ExportRow> rows = jdbc.sql("SELECT r.id, r.ref_no, r.title, r.ai_system_id, r.category, r.owner, r.status, r.criteria_id, "
				+ "r.inherent_likelihood, r.inherent_impact, r.inherent_level, r.treatment_option, r.target_likelihood, r.target_impact, "
				+ "r.residual_criteria_id, r.residual_likelihood, r.residual_impact, r.residual_level, r.accepted_by, r.accepted_at, "
				+ "r.reassessment_due, r.review_date FROM risks r" + f.where().sql() + sorting.orderByAndLimit())
			.params(f.where().params())
			.query((rs, n) -> new ExportRow(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3), rs.getObject(4, UUID.class),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, UUID.class), rs.getInt(9), rs.getInt(10),
					rs.getString(11), rs.getString(12), (Integer) rs.getObject(13, Integer.class), (Integer) rs.getObject(14, Integer.class),
					rs.getObject(15, UUID.class), (Integer) rs.getObject(16, Integer.class), (Integer) rs.getObject(17, Integer.class),
					rs.getString(18), rs.getString(19), rs.getTimestamp(20) == null ? null : rs.getTimestamp(20).toInstant(),
					rs.getBoolean(21), rs.getDate(22).toLocalDate(), new ArrayList<>()))
			.list();
		if (rows.isEmpty()) {
			return sorting.page(rows);
		}
		List<UUID> ids = rows.stream().limit(size).map(ExportRow::id).toList();
		Map<UUID, Map<UUID, List<UUID>>> controls = new HashMap<>();
		jdbc.sql("SELECT risk_id, action_id, requirement_id FROM risk_action_controls WHERE risk_id IN (:ids)")
			.param("ids", ids)
			.query(rs -> {
				controls.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>())
					.computeIfAbsent(rs.getObject(2, UUID.class), k -> new ArrayList<>())
					.add(rs.getObject(3, UUID.class));
			});
		Map<UUID, List<ExportAction>> actions = new HashMap<>();
		jdbc.sql("SELECT risk_id, action_id, position, title, status, due_date FROM risk_actions WHERE risk_id IN (:ids) "
				+ "ORDER BY risk_id, position")
			.param("ids", ids)
			.query(rs -> {
				UUID risk = rs.getObject(1, UUID.class);
				UUID action = rs.getObject(2, UUID.class);
				actions.computeIfAbsent(risk, k -> new ArrayList<>()).add(new ExportAction(action, rs.getInt(3), rs.getString(4),
						rs.getString(5), rs.getDate(6).toLocalDate(),
						controls.getOrDefault(risk, Map.of()).getOrDefault(action, List.of())));
			});
		rows.forEach(r -> r.actions().addAll(actions.getOrDefault(r.id(), List.of())));
		return sorting.page(rows);
	}

	/** How many risks a filter lists. */
	public long count(RiskFilter filter, UUID cellCriteria) {
		Filtered f = where(filter, cellCriteria).prepare(jdbc);
		return jdbc.sql("SELECT COUNT(*) FROM risks r" + f.where().sql()).params(f.where().params()).query(Long.class).single();
	}

	/** The risks of a filter grouped by their inherent or residual scores and criteria version. */
	public List<CellCount> cells(RiskFilter filter, ScoreKind kind) {
		Filtered f = where(filter.withoutCell(), null).prepare(jdbc);
		String cols = kind == ScoreKind.RESIDUAL ? "r.residual_criteria_id, r.residual_likelihood, r.residual_impact"
				: "r.criteria_id, r.inherent_likelihood, r.inherent_impact";
		return jdbc.sql("SELECT " + cols + ", COUNT(*) FROM risks r" + f.where().sql() + " GROUP BY " + cols)
			.params(f.where().params())
			.query((rs, n) -> new CellCount(rs.getObject(1, UUID.class), (Integer) rs.getObject(2, Integer.class),
					(Integer) rs.getObject(3, Integer.class), rs.getLong(4)))
			.list();
	}

	/**
	 * For each requirement, how many open risks select it through a treatment action that is not
	 * cancelled, and the newest {@code newest} of them as "RISK-n title": two statements over the
	 * maintained selection tables, whatever the size of the register.
	 */
	public Map<UUID, Selected> selections(Collection<UUID> requirementIds, int newest) {
		Map<UUID, Selected> result = new HashMap<>();
		if (requirementIds.isEmpty()) {
			return result;
		}
		Map<UUID, Long> counts = new HashMap<>();
		jdbc.sql("SELECT requirement_id, risks FROM control_selection_counts WHERE requirement_id IN (:ids) AND risks > 0")
			.param("ids", new ArrayList<>(new LinkedHashSet<>(requirementIds)))
			.query((rs, n) -> counts.put(rs.getObject(1, UUID.class), rs.getLong(2)))
			.list();
		if (counts.isEmpty()) {
			return result;
		}
		List<UUID> selected = new ArrayList<>(counts.keySet());
		StringBuilder sql = new StringBuilder();
		Map<String, Object> params = new HashMap<>();
		for (int i = 0; i < selected.size(); i++) {
			sql.append(i == 0 ? "" : " UNION ALL ").append("(SELECT requirement_id, ref_no, title FROM risk_control_selections WHERE requirement_id = :r")
				.append(i).append(" ORDER BY ref_no DESC LIMIT ").append(newest).append(")");
			params.put("r" + i, selected.get(i));
		}
		Map<UUID, List<String>> labels = new HashMap<>();
		jdbc.sql(sql.toString()).params(params)
			.query((rs, n) -> labels.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
				.add("RISK-" + rs.getInt(2) + " " + rs.getString(3)))
			.list();
		counts.forEach((id, count) -> result.put(id, new Selected(count, labels.getOrDefault(id, List.of()))));
		return result;
	}

	/** How many risks select a control, and the labels of the newest of them. */
	public record Selected(long count, List<String> newest) {
	}

	/** A filter's conditions, and a setting the statement needs in its transaction first (PostgreSQL), or empty. */
	private record Filtered(String setting, SqlWhere where) {

		/** Applies the setting, if any, for the rest of the (read-only) transaction. */
		Filtered prepare(JdbcClient jdbc) {
			if (!setting.isEmpty()) {
				jdbc.sql(setting).update();
			}
			return this;
		}
	}

	private Filtered where(RiskFilter f, UUID cellCriteria) {
		String setting = "";
		SqlWhere where = new SqlWhere().and("r.ai_system_id = :system", "system", f.aiSystemId())
			.and("r.category = :category", "category", blankToNull(f.category()))
			.and("r.owner = :owner", "owner", blankToNull(f.owner()))
			.and("r.status = :status", "status", f.status())
			.and("r.inherent_level = :inherentLevel", "inherentLevel", blankToNull(f.inherentLevel()))
			.and("r.residual_level = :residualLevel", "residualLevel", blankToNull(f.residualLevel()))
			.and("r.reassessment_due = :due", "due", f.reassessmentDue());
		where.and("r.id IN (SELECT s.risk_id FROM risk_control_selections s WHERE s.requirement_id = :control)", "control", f.control());
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
				if (vendor.postgres()) {
					// How to find a text depends on how common it is: a rare word through the trigram indexes, a
					// common one by walking the sort order. A prepared statement's generic plan cannot know which
					// (it walked a million rows for a rare word); the plan is made for the text searched for.
					setting = "SET LOCAL plan_cache_mode = force_custom_plan";
				}
			}
		}
		if (f.scores() != null) {
			boolean residual = f.scores() == ScoreKind.RESIDUAL;
			String prefix = residual ? "r.residual_" : "r.inherent_";
			where.and(prefix + "likelihood = :cellLikelihood", "cellLikelihood", f.likelihood() == null ? -1 : f.likelihood())
				.and(prefix + "impact = :cellImpact", "cellImpact", f.impact() == null ? -1 : f.impact())
				.and((residual ? "r.residual_criteria_id" : "r.criteria_id") + " = :cellCriteria", "cellCriteria", cellCriteria);
		}
		return new Filtered(setting, where);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
