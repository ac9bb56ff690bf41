package org.openaims.assurance.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.openaims.assurance.AuditResult;
import org.openaims.assurance.InputPack;
import org.openaims.assurance.InputPack.Figure;
import org.openaims.assurance.InputPack.Section;
import org.openaims.assurance.NonconformitySource;
import org.openaims.governance.GovernanceFigures;
import org.openaims.inventory.InventoryFigures;
import org.openaims.lifecycle.LifecycleFigures;
import org.openaims.risk.RiskFigures;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Assembles a management review's input pack (9.3.2) from the records: counts over the period
 * [periodStart 00:00 UTC, periodEnd + 1 day 00:00 UTC), a handful of statements per section whatever
 * the number of records, and at most {@value #ROWS} rows per table.
 */
@Component
public class InputPacks {

	static final int ROWS = 100;

	private final JdbcClient jdbc;

	private final LifecycleFigures lifecycle;

	private final RiskFigures risks;

	private final GovernanceFigures governance;

	private final InventoryFigures inventory;

	private final org.openaims.monitoring.MonitoringFigures monitoring;

	InputPacks(JdbcClient jdbc, LifecycleFigures lifecycle, RiskFigures risks, GovernanceFigures governance, InventoryFigures inventory,
			org.openaims.monitoring.MonitoringFigures monitoring) {
		this.monitoring = monitoring;
		this.jdbc = jdbc;
		this.lifecycle = lifecycle;
		this.risks = risks;
		this.governance = governance;
		this.inventory = inventory;
	}

	/** The inputs of {@code review} for its period. */
	public InputPack assemble(ManagementReview review) {
		Instant from = review.periodStart().atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant to = review.periodEnd().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		Timestamp f = Timestamp.from(from);
		Timestamp t = Timestamp.from(to);
		List<Section> sections = new ArrayList<>();
		sections.add(previousActions(review));
		sections.add(context(f, t, from, to));
		sections.add(nonconformities(review, f, t));
		sections.add(monitoring(f, t, from, to));
		sections.add(audits(f, t));
		sections.add(objectives(from, to));
		sections.add(risks(from, to));
		sections.add(improvement(f, t));
		return new InputPack(review.periodStart(), review.periodEnd(), Instant.now(), sections);
	}

	/**
	 * a) The status of actions from previous management reviews: every action of the review before this
	 * one, and those of earlier reviews still open.
	 */
	private Section previousActions(ManagementReview review) {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		List<List<String>> rows = new ArrayList<>();
		long[] counts = new long[3];
		String earlier = "r.id <> :id AND (r.scheduled_for < :scheduled OR (r.scheduled_for = :scheduled AND r.created_at < :created))";
		java.util.UUID previous = jdbc.sql("SELECT r.id FROM management_reviews r WHERE " + earlier + " ORDER BY r.scheduled_for DESC, "
				+ "r.created_at DESC LIMIT 1")
			.param("id", review.id()).param("scheduled", review.scheduledFor()).param("created", Timestamp.from(review.createdAt()))
			.query(java.util.UUID.class).optional().orElse(null);
		jdbc.sql("SELECT r.title, r.scheduled_for, a.description, a.owner, a.due_date, a.status FROM review_actions a "
				+ "JOIN management_reviews r ON r.id = a.review_id WHERE " + earlier + " AND (r.id = :previous OR a.status = 'OPEN') "
				+ "ORDER BY r.scheduled_for, r.created_at, a.list_index")
			.param("id", review.id()).param("scheduled", review.scheduledFor()).param("created", Timestamp.from(review.createdAt()))
			.param("previous", previous == null ? review.id() : previous)
			.query((rs, n) -> {
				String status = rs.getString(6);
				LocalDate due = rs.getObject(5, LocalDate.class);
				boolean overdue = "OPEN".equals(status) && due.isBefore(today);
				counts[0]++;
				if ("DONE".equals(status)) {
					counts[1]++;
				}
				if (overdue) {
					counts[2]++;
				}
				if (rows.size() < ROWS) {
					rows.add(List.of(rs.getString(1) + " (" + rs.getObject(2, LocalDate.class) + ")", rs.getString(3), rs.getString(4),
							due.toString(), status + (overdue ? " — overdue" : "")));
				}
				return status;
			})
			.list();
		return new Section("previousActions", "9.3.2 a", "Status of actions from previous management reviews",
				List.of(new Figure("previousActions.total", "Actions", counts[0]), new Figure("previousActions.done", "Done", counts[1]),
						new Figure("previousActions.overdue", "Overdue", counts[2])),
				List.of("Review", "Action", "Owner", "Due", "Status"), rows, counts[0] == 0 ? "No earlier review decided actions still to report on." : null);
	}

	/** b) Changes in external and internal issues, interested parties and scope. */
	private Section context(Timestamp f, Timestamp t, Instant from, Instant to) {
		Map<String, Long> added = new TreeMap<>();
		jdbc.sql("SELECT kind, COUNT(*) FROM context_entries WHERE created_at >= :f AND created_at < :t GROUP BY kind").param("f", f).param("t", t)
			.query((rs, n) -> added.put(rs.getString(1), rs.getLong(2))).list();
		long changed = jdbc.sql("SELECT COUNT(*) FROM context_entries WHERE created_at < :f AND updated_at >= :f AND updated_at < :t")
			.param("f", f).param("t", t).query(Long.class).single();
		long unaddressed = jdbc.sql("SELECT COUNT(*) FROM context_entries WHERE kind = 'INTERESTED_PARTY' AND NOT addressed AND NOT retired")
			.query(Long.class).single();
		List<List<String>> rows = jdbc.sql("SELECT kind, title, CASE WHEN created_at >= :f THEN 'added' ELSE 'changed' END, version_no "
				+ "FROM context_entries WHERE (created_at >= :f AND created_at < :t) OR (created_at < :f AND updated_at >= :f AND updated_at < :t) "
				+ "ORDER BY kind, title LIMIT " + ROWS)
			.param("f", f).param("t", t)
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), String.valueOf(rs.getInt(4)))).list();
		InventoryFigures.Figures scope = inventory.between(from, to);
		long total = added.values().stream().mapToLong(Long::longValue).sum();
		return new Section("context", "9.3.2 b", "Changes in external and internal issues, interested parties and scope",
				List.of(new Figure("context.added", "Context entries added", total),
						new Figure("context.added.INTERNAL_ISSUE", "Internal issues added", added.getOrDefault("INTERNAL_ISSUE", 0L)),
						new Figure("context.added.EXTERNAL_ISSUE", "External issues added", added.getOrDefault("EXTERNAL_ISSUE", 0L)),
						new Figure("context.added.INTERESTED_PARTY", "Interested parties added", added.getOrDefault("INTERESTED_PARTY", 0L)),
						new Figure("context.changed", "Entries changed", changed),
						new Figure("context.unaddressed", "Interested parties' requirements not addressed (now)", unaddressed),
						new Figure("scope.registered", "AI systems registered", scope.systemsRegistered()),
						new Figure("scope.retired", "AI systems retired", scope.systemsRetired()),
						new Figure("scope.active", "AI systems in the register (now)", scope.systemsActive())),
				List.of("Kind", "Entry", "What happened", "Version"), rows, null);
	}

	/** c) Nonconformities and corrective actions, with their trend. */
	private Section nonconformities(ManagementReview review, Timestamp f, Timestamp t) {
		Map<String, Long> bySource = new LinkedHashMap<>();
		for (NonconformitySource s : NonconformitySource.values()) {
			bySource.put(s.name(), 0L);
		}
		Map<String, Long> byMonth = new TreeMap<>();
		for (YearMonth m = YearMonth.from(review.periodStart()); !m.isAfter(YearMonth.from(review.periodEnd())) && byMonth.size() < 60; m = m.plusMonths(1)) {
			byMonth.put(m.toString(), 0L);
		}
		long[] raised = new long[1];
		jdbc.sql("SELECT source, raised_at FROM nonconformities WHERE raised_at >= :f AND raised_at < :t AND status <> 'DISMISSED'")
			.param("f", f).param("t", t)
			.query((rs, n) -> {
				raised[0]++;
				bySource.merge(rs.getString(1), 1L, Long::sum);
				byMonth.computeIfPresent(YearMonth.from(rs.getTimestamp(2).toInstant().atZone(ZoneOffset.UTC)).toString(), (k, v) -> v + 1);
				return null;
			})
			.list();
		long closed = jdbc.sql("SELECT COUNT(*) FROM nonconformities WHERE closed_at >= :f AND closed_at < :t").param("f", f).param("t", t)
			.query(Long.class).single();
		long openAtEnd = jdbc.sql("SELECT COUNT(*) FROM nonconformities WHERE raised_at < :t AND status IN ('OPEN', 'CLOSED') "
				+ "AND (closed_at IS NULL OR closed_at >= :t)").param("t", t).query(Long.class).single();
		long actionsDue = jdbc.sql("SELECT COUNT(*) FROM corrective_actions a JOIN nonconformities n ON n.id = a.nonconformity_id "
				+ "WHERE a.due_date >= :fd AND a.due_date <= :td").param("fd", review.periodStart()).param("td", review.periodEnd())
			.query(Long.class).single();
		long overdue = jdbc.sql("SELECT COUNT(*) FROM corrective_actions a JOIN nonconformities n ON n.id = a.nonconformity_id "
				+ "WHERE a.status = 'OPEN' AND n.status = 'OPEN' AND a.due_date < :today").param("today", LocalDate.now(ZoneOffset.UTC))
			.query(Long.class).single();
		List<Figure> figures = new ArrayList<>(List.of(new Figure("nonconformities.raised", "Nonconformities raised", raised[0]),
				new Figure("nonconformities.closed", "Closed", closed), new Figure("nonconformities.openAtEnd", "Open at the period's end", openAtEnd),
				new Figure("actions.due", "Corrective actions due in the period", actionsDue),
				new Figure("actions.overdue", "Corrective actions overdue (now)", overdue)));
		bySource.forEach((k, v) -> figures.add(new Figure("nonconformities.raised." + k, "Raised from " + k.toLowerCase().replace('_', ' '), v)));
		List<List<String>> rows = new ArrayList<>();
		byMonth.forEach((m, v) -> rows.add(List.of(m, String.valueOf(v))));
		return new Section("nonconformities", "9.3.2 c", "Nonconformities and corrective actions", figures, List.of("Month", "Raised"), rows,
				null);
	}

	/** d) Monitoring and measurement results. */
	private Section monitoring(Timestamp f, Timestamp t, Instant from, Instant to) {
		LifecycleFigures.Figures l = lifecycle.between(from, to);
		GovernanceFigures.Figures g = governance.between(from, to);
		org.openaims.monitoring.MonitoringFigures.Figures m = monitoring.between(from, to);
		return new Section("monitoring", "9.3.2 d", "Monitoring and measurement results",
				List.of(new Figure("testRuns", "Test runs", l.testRuns()), new Figure("testRuns.passing", "Passing test runs", l.passingTestRuns()),
						new Figure("gate.allowed", "Release gate: allowed", l.gateAllowed()), new Figure("gate.denied", "Release gate: denied", l.gateDenied()),
						new Figure("deployments", "Deployments and rollbacks", l.deployments()),
						new Figure("deployments.withoutAllow", "Deployments without a gate allow", l.deploymentsWithoutAllow()),
						new Figure("concerns", "Concerns reported", g.concernsReported()),
						new Figure("events", "Operational events received", m.events()),
						new Figure("incidents", "Incidents", m.incidentsRaised()),
						new Figure("incidents.serious", "Serious incidents", m.seriousIncidents()),
						new Figure("incidents.byRules", "Incidents raised by monitoring rules", m.raisedByRules()),
						new Figure("incidents.closed", "Incidents closed", m.incidentsClosed()),
						new Figure("incidents.openNow", "Incidents open (now)", m.incidentsOpenNow()),
						new Figure("reports.due", "Incident reports due in the period", m.reportsDue()),
						new Figure("reports.late", "Incident reports late", m.reportsLate()),
						new Figure("reports.overdueNow", "Incident reports overdue (now)", m.reportsOverdueNow())),
				List.of(), List.of(), null);
	}

	/** e) Audit results: the audits reported in the period and their items by result. */
	private Section audits(Timestamp f, Timestamp t) {
		Map<String, Long> results = new LinkedHashMap<>();
		for (AuditResult r : AuditResult.values()) {
			results.put(r.name(), 0L);
		}
		jdbc.sql("SELECT i.result, COUNT(*) FROM audit_items i JOIN audits a ON a.id = i.audit_id WHERE a.report_issued_at >= :f "
				+ "AND a.report_issued_at < :t GROUP BY i.result").param("f", f).param("t", t)
			.query((rs, n) -> results.put(rs.getString(1), rs.getLong(2))).list();
		List<List<String>> rows = jdbc.sql("SELECT a.title, a.lead_auditor, a.report_issued_at, (SELECT COUNT(*) FROM audit_items i "
				+ "WHERE i.audit_id = a.id AND i.result IN ('MINOR_NONCONFORMITY', 'MAJOR_NONCONFORMITY')) FROM audits a "
				+ "WHERE a.report_issued_at >= :f AND a.report_issued_at < :t ORDER BY a.report_issued_at LIMIT " + ROWS)
			.param("f", f).param("t", t)
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant().toString(), String.valueOf(rs.getLong(4))))
			.list();
		long reported = jdbc.sql("SELECT COUNT(*) FROM audits WHERE report_issued_at >= :f AND report_issued_at < :t").param("f", f).param("t", t)
			.query(Long.class).single();
		List<Figure> figures = new ArrayList<>(List.of(new Figure("audits.reported", "Audits reported", reported)));
		results.forEach((k, v) -> figures.add(new Figure("audits.results." + k, k.toLowerCase().replace('_', ' '), v)));
		return new Section("audits", "9.3.2 e", "Audit results", figures, List.of("Audit", "Lead auditor", "Reported", "Nonconformities"), rows,
				null);
	}

	/** f) The AI objectives and their progress. */
	private Section objectives(Instant from, Instant to) {
		GovernanceFigures.Figures g = governance.between(from, to);
		List<List<String>> rows = g.objectiveLines().stream().map(o -> List.of(o.title(), o.target(), o.latestValue() == null ? "—" : o.latestValue(),
				o.status(), o.dueDate().toString(), o.owner())).toList();
		long achieved = g.objectiveLines().stream().filter(o -> "ACHIEVED".equals(o.status())).count();
		long atRisk = g.objectiveLines().stream().filter(o -> "AT_RISK".equals(o.status()) || "MISSED".equals(o.status())).count();
		return new Section("objectives", "9.3.2 f", "AI objectives and their progress",
				List.of(new Figure("objectives", "Objectives", g.objectives()), new Figure("objectives.achieved", "Achieved (listed)", achieved),
						new Figure("objectives.atRisk", "At risk or missed (listed)", atRisk)),
				List.of("Objective", "Target", "Latest measurement", "Status", "Due", "Owner"), rows, null);
	}

	/** g) Risks and impact assessments. */
	private Section risks(Instant from, Instant to) {
		RiskFigures.Figures r = risks.between(from, to);
		List<Figure> figures = new ArrayList<>(List.of(new Figure("risks.identified", "Risks identified", r.risksIdentified()),
				new Figure("impactAssessments.approved", "Impact assessments approved", r.impactAssessmentsApproved()),
				new Figure("impactAssessments.stale", "Impact assessments stale (now)", r.impactAssessmentsStale())));
		List<List<String>> rows = new ArrayList<>();
		r.openRisksByLevel().forEach((level, count) -> rows.add(List.of(level, String.valueOf(count))));
		return new Section("risks", "9.3.2 g", "Risks and opportunities, impact assessments", figures, List.of("Level (open risks, now)", "Risks"),
				rows, null);
	}

	/** h) Opportunities for continual improvement: observations and opportunities recorded in the period's audits. */
	private Section improvement(Timestamp f, Timestamp t) {
		List<List<String>> rows = jdbc.sql("SELECT a.title, i.title, i.result, COALESCE(i.notes, '') FROM audit_items i JOIN audits a ON a.id = i.audit_id "
				+ "WHERE i.result IN ('OBSERVATION', 'OPPORTUNITY_FOR_IMPROVEMENT') AND i.recorded_at >= :f AND i.recorded_at < :t "
				+ "ORDER BY i.recorded_at LIMIT " + ROWS)
			.param("f", f).param("t", t)
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
		long count = jdbc.sql("SELECT COUNT(*) FROM audit_items WHERE result IN ('OBSERVATION', 'OPPORTUNITY_FOR_IMPROVEMENT') "
				+ "AND recorded_at >= :f AND recorded_at < :t").param("f", f).param("t", t).query(Long.class).single();
		return new Section("improvement", "9.3.2 h", "Opportunities for continual improvement",
				List.of(new Figure("improvement.recorded", "Observations and opportunities recorded", count)),
				List.of("Audit", "Item", "Result", "Notes"), rows, null);
	}
}
