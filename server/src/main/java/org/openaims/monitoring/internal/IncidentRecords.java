package org.openaims.monitoring.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openaims.common.Stamp;
import org.openaims.common.Subject;
import org.openaims.identity.CurrentUser;
import org.openaims.inventory.AiSystemService;
import org.openaims.inventory.AiSystemView;
import org.openaims.lifecycle.DeploymentService;
import org.openaims.lifecycle.DeploymentTimeline;
import org.openaims.monitoring.Classification;
import org.openaims.monitoring.IncidentSeverity;
import org.openaims.monitoring.IncidentStatus;
import org.openaims.monitoring.IncidentView;
import org.openaims.monitoring.MonitoringEvent;
import org.openaims.monitoring.ReportView;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Incidents in the database: raised by a rule's breach or by a person, updated while the breach lasts,
 * resolved when it clears; their affected systems (with the organization's roles and the versions in
 * production when they occurred), timeline and reporting obligations. Used by ingest, the scheduler and
 * the incident service; every change is a {@link MonitoringEvent} in the ledger.
 */
@Component
public class IncidentRecords {

	public static final String SUBJECT = "incident";

	static final String COLUMNS = "i.id, i.ref, i.title, i.description, i.severity, i.status, i.source, i.rule_id, i.owner, i.jurisdiction, "
			+ "i.serious, i.classifications, i.occurred_at, i.aware_at, i.last_breach_at, i.breach_observations, i.worst_value, i.containment, "
			+ "i.root_cause, i.nonconformity_id, i.resolved_at, i.closed_at, i.closed_by, i.created_at, i.created_by, i.updated_at, i.version";

	private final JdbcClient jdbc;

	private final AiSystemService systems;

	private final DeploymentService deployments;

	private final ApplicationEventPublisher events;

	IncidentRecords(JdbcClient jdbc, AiSystemService systems, DeploymentService deployments, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.systems = systems;
		this.deployments = deployments;
		this.events = events;
	}

	/** A new incident as raised. */
	public record NewIncident(String title, String description, IncidentSeverity severity, String source, UUID ruleId, String owner,
			String jurisdiction, Set<Classification> classifications, Instant occurredAt, Instant awareAt, Double value, List<UUID> aiSystemIds,
			String firstNote) {
	}

	/** Raises an incident and returns its id and reference. */
	public Map.Entry<UUID, String> raise(NewIncident n) {
		UUID id = UUID.randomUUID();
		String ref = "INC-" + jdbc.sql("SELECT NEXTVAL('incident_numbers')").query(Long.class).single();
		Instant now = Instant.now();
		String actor = CurrentUser.username();
		boolean serious = !n.classifications().isEmpty();
		jdbc.sql("INSERT INTO incidents (id, ref, title, description, severity, status, source, rule_id, owner, jurisdiction, serious, "
				+ "classifications, occurred_at, aware_at, last_breach_at, breach_observations, worst_value, created_at, created_by, updated_at, version) "
				+ "VALUES (:id, :ref, :title, :description, :severity, 'OPEN', :source, :rule, :owner, :jurisdiction, :serious, :classifications, "
				+ ":occurred, :aware, :lastBreach, :observations, :worst, :now, :actor, :now, 0)")
			.param("id", id).param("ref", ref).param("title", n.title()).param("description", n.description())
			.param("severity", n.severity().name()).param("source", n.source()).param("rule", n.ruleId()).param("owner", n.owner())
			.param("jurisdiction", n.jurisdiction()).param("serious", serious).param("classifications", join(n.classifications()))
			.param("occurred", ts(n.occurredAt())).param("aware", ts(n.awareAt())).param("lastBreach", n.ruleId() == null ? null : ts(n.occurredAt()))
			.param("observations", n.ruleId() == null ? 0 : 1).param("worst", n.value()).param("now", ts(now)).param("actor", actor).update();
		for (UUID system : n.aiSystemIds()) {
			addSystem(id, system, n.occurredAt());
		}
		note(id, "RAISED", n.firstNote());
		if (serious) {
			obligations(id);
		}
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("ref", ref);
		values.put("title", n.title());
		values.put("severity", n.severity().name());
		values.put("source", n.source());
		values.put("ruleId", n.ruleId());
		values.put("aiSystemIds", n.aiSystemIds());
		values.put("occurredAt", n.occurredAt().toString());
		values.put("awareAt", n.awareAt().toString());
		values.put("classifications", join(n.classifications()));
		publish("IncidentRaised", id, values);
		return Map.entry(id, ref);
	}

	/** An AI system as the application reads it (owners and names for incidents raised by rules). */
	public AiSystemView system(UUID id) {
		return CurrentUser.runAsSystem(() -> systems.get(id));
	}

	/** A breaching observation while the rule fires: the incident's last breach, count and worst value. */
	public void breached(UUID id, Instant at, double value, boolean below) {
		jdbc.sql("UPDATE incidents SET last_breach_at = CASE WHEN last_breach_at IS NULL OR last_breach_at < :at THEN :at ELSE last_breach_at END, "
				+ "breach_observations = breach_observations + 1, worst_value = CASE WHEN worst_value IS NULL THEN :v WHEN "
				+ (below ? ":v < worst_value" : ":v > worst_value") + " THEN :v ELSE worst_value END WHERE id = :id")
			.param("at", ts(at)).param("v", value).param("id", id).update();
	}

	/** The breach cleared: an open incident is resolved. Returns its reference. */
	public String cleared(UUID id, Instant at, String how) {
		Instant now = Instant.now();
		int changed = jdbc.sql("UPDATE incidents SET status = 'RESOLVED', resolved_at = :now, updated_at = :now, version = version + 1 "
				+ "WHERE id = :id AND status = 'OPEN'").param("now", ts(now)).param("id", id).update();
		String ref = jdbc.sql("SELECT ref FROM incidents WHERE id = :id").param("id", id).query(String.class).optional().orElse(null);
		if (changed == 1) {
			note(id, "CLEARED", how);
			publish("IncidentResolved", id, Map.of("ref", ref, "clearedAt", at.toString(), "how", how));
		}
		return ref;
	}

	/** Adds a timeline entry. */
	public void note(UUID incidentId, String kind, String note) {
		jdbc.sql("INSERT INTO incident_updates (id, incident_id, happened_at, actor, kind, note) VALUES (:id, :incident, :at, :actor, :kind, :note)")
			.param("id", UUID.randomUUID()).param("incident", incidentId).param("at", ts(Instant.now())).param("actor", CurrentUser.username())
			.param("kind", kind).param("note", note.length() > 4000 ? note.substring(0, 3999) + "…" : note).update();
	}

	public void publish(String name, UUID incidentId, Map<String, Object> values) {
		events.publishEvent(new MonitoringEvent(name, Subject.of(SUBJECT, incidentId), values, Stamp.of(CurrentUser.actor())));
	}

	/** A system's retention was set: recorded under the system. */
	public void publishRetention(UUID aiSystemId, int days) {
		events.publishEvent(new MonitoringEvent("EventRetentionSet", Subject.of(AiSystemService.SUBJECT, aiSystemId), Map.of("retentionDays", days),
				Stamp.of(CurrentUser.actor())));
	}

	/** An affected system with the organization's roles for it and the versions in production when the incident occurred. */
	public void addSystem(UUID incidentId, UUID aiSystemId, Instant occurredAt) {
		AiSystemView system = CurrentUser.runAsSystem(() -> systems.get(aiSystemId));
		DeploymentTimeline timeline = CurrentUser.runAsSystem(() -> deployments.timeline(aiSystemId, null));
		Set<String> versions = new TreeSet<>();
		for (DeploymentTimeline.Period p : timeline.periods()) {
			if (p.environment().equalsIgnoreCase("production") && !p.from().isAfter(occurredAt)
					&& (p.until() == null || p.until().isAfter(occurredAt))) {
				versions.add(p.version());
			}
		}
		jdbc.sql("INSERT INTO incident_systems (incident_id, ai_system_id, roles, versions) VALUES (:i, :s, :roles, :versions)")
			.param("i", incidentId).param("s", aiSystemId)
			.param("roles", system.organizationRoles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
			.param("versions", String.join(",", versions)).update();
	}

	/**
	 * Makes the initial reports a serious incident obliges: for each affected system and each of the
	 * organization's roles for it, the jurisdiction's rules for that role whose circumstance applies,
	 * one report per report type with the shortest of their deadlines counted from awareness. Reports
	 * already made (submitted or not) are kept; unsubmitted ones get the new deadline.
	 */
	public void obligations(UUID incidentId) {
		Map<String, Object> inc = jdbc.sql("SELECT jurisdiction, classifications, aware_at FROM incidents WHERE id = :id").param("id", incidentId)
			.query((rs, n) -> Map.<String, Object>of("jurisdiction", rs.getString(1), "classifications", rs.getString(2), "aware",
					rs.getTimestamp(3).toInstant()))
			.single();
		Set<Classification> classes = split((String) inc.get("classifications"));
		if (classes.isEmpty()) {
			return;
		}
		classes.add(Classification.SERIOUS);
		Instant aware = (Instant) inc.get("aware");
		List<String[]> affected = jdbc.sql("SELECT ai_system_id, roles FROM incident_systems WHERE incident_id = :id").param("id", incidentId)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).list();
		List<org.openaims.monitoring.ReportingRuleView> rules = rules((String) inc.get("jurisdiction"));
		for (String[] a : affected) {
			for (String role : a[1].split(",")) {
				Map<String, org.openaims.monitoring.ReportingRuleView> shortest = new LinkedHashMap<>();
				for (org.openaims.monitoring.ReportingRuleView r : rules) {
					if (r.role().equals(role) && classes.contains(r.appliesWhen())) {
						shortest.merge(r.reportType(), r, (x, y) -> y.deadlineHours() < x.deadlineHours() ? y : x);
					}
				}
				for (org.openaims.monitoring.ReportingRuleView r : shortest.values()) {
					Instant due = aware.plusSeconds(r.deadlineHours() * 3600L);
					int updated = jdbc.sql("UPDATE incident_reports SET due_at = :due, deadline_hours = :hours, legal_basis = :basis WHERE incident_id = :i "
							+ "AND ai_system_id = :s AND role = :role AND report_type = :type AND kind = 'INITIAL' AND submitted_at IS NULL")
						.param("due", ts(due)).param("hours", r.deadlineHours()).param("basis", r.legalBasis()).param("i", incidentId)
						.param("s", UUID.fromString(a[0])).param("role", role).param("type", r.reportType()).update();
					boolean exists = updated > 0 || jdbc.sql("SELECT COUNT(*) FROM incident_reports WHERE incident_id = :i AND ai_system_id = :s "
							+ "AND role = :role AND report_type = :type AND kind = 'INITIAL'").param("i", incidentId).param("s", UUID.fromString(a[0]))
						.param("role", role).param("type", r.reportType()).query(Long.class).single() > 0;
					if (!exists) {
						jdbc.sql("INSERT INTO incident_reports (id, incident_id, ai_system_id, role, jurisdiction, report_type, title, legal_basis, kind, "
								+ "deadline_hours, due_at, created_at) VALUES (:id, :i, :s, :role, :j, :type, :title, :basis, 'INITIAL', :hours, :due, :now)")
							.param("id", UUID.randomUUID()).param("i", incidentId).param("s", UUID.fromString(a[0])).param("role", role)
							.param("j", inc.get("jurisdiction")).param("type", r.reportType()).param("title", r.title()).param("basis", r.legalBasis())
							.param("hours", r.deadlineHours()).param("due", ts(due)).param("now", ts(Instant.now())).update();
					}
				}
			}
		}
	}

	public List<org.openaims.monitoring.ReportingRuleView> rules(String jurisdiction) {
		return jdbc.sql("SELECT id, jurisdiction, role, report_type, title, legal_basis, applies_when, deadline_hours FROM reporting_rules "
				+ (jurisdiction == null ? "" : "WHERE jurisdiction = :j ") + "ORDER BY jurisdiction, role, report_type, deadline_hours, id")
			.params(jurisdiction == null ? Map.of() : Map.of("j", jurisdiction))
			.query((rs, n) -> new org.openaims.monitoring.ReportingRuleView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6), Classification.valueOf(rs.getString(7)), rs.getInt(8)))
			.list();
	}

	/** Incidents with their systems, timelines and reports, read with one statement per kind. */
	public List<IncidentView> views(List<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<UUID, IncidentView> base = new LinkedHashMap<>();
		jdbc.sql("SELECT " + COLUMNS + " FROM incidents i WHERE i.id IN (:ids)").param("ids", ids).query((rs, n) -> row(rs)).list()
			.forEach(v -> base.put(v.id(), v));
		Map<UUID, List<IncidentView.AffectedSystem>> affected = new HashMap<>();
		List<Object[]> systemRows = jdbc.sql("SELECT incident_id, ai_system_id, roles, versions FROM incident_systems WHERE incident_id IN (:ids) "
				+ "ORDER BY incident_id, ai_system_id").param("ids", ids)
			.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4) }).list();
		Map<UUID, String> names = systems.names(systemRows.stream().map(r -> (UUID) r[1]).collect(Collectors.toSet()));
		for (Object[] r : systemRows) {
			affected.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(new IncidentView.AffectedSystem((UUID) r[1],
					names.getOrDefault((UUID) r[1], r[1].toString()), list((String) r[2]), list((String) r[3])));
		}
		Map<UUID, List<IncidentView.TimelineEntry>> timeline = new HashMap<>();
		jdbc.sql("SELECT incident_id, happened_at, actor, kind, note FROM incident_updates WHERE incident_id IN (:ids) ORDER BY happened_at, id")
			.param("ids", ids).query((rs, n) -> {
				timeline.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
					.add(new IncidentView.TimelineEntry(rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5)));
				return null;
			}).list();
		Map<UUID, List<ReportView>> reports = new HashMap<>();
		reports(new org.openaims.common.SqlWhere().and("r.incident_id IN (:ids)", "ids", ids), " ORDER BY r.created_at, r.id", names)
			.forEach(r -> reports.computeIfAbsent(r.incidentId(), k -> new ArrayList<>()).add(r));
		List<IncidentView> out = new ArrayList<>();
		for (UUID id : ids) {
			IncidentView v = base.get(id);
			if (v != null) {
				out.add(new IncidentView(v.id(), v.ref(), v.title(), v.description(), v.severity(), v.status(), v.source(), v.ruleId(), v.owner(),
						v.jurisdiction(), v.serious(), v.classifications(), v.occurredAt(), v.awareAt(), v.lastBreachAt(), v.breachObservations(),
						v.worstValue(), v.containment(), v.rootCause(), v.nonconformityId(), v.resolvedAt(), v.closedAt(), v.closedBy(), v.createdAt(),
						v.createdBy(), v.updatedAt(), v.version(), affected.getOrDefault(id, List.of()), timeline.getOrDefault(id, List.of()),
						reports.getOrDefault(id, List.of())));
			}
		}
		return out;
	}

	/** Reports matching {@code where} (alias {@code r}), with their incident's reference. */
	public List<ReportView> reports(org.openaims.common.SqlWhere where, String orderAndLimit, Map<UUID, String> knownNames) {
		List<ReportView> rows = jdbc.sql("SELECT r.id, r.incident_id, i.ref, r.ai_system_id, r.role, r.jurisdiction, r.report_type, r.title, "
				+ "r.legal_basis, r.kind, r.deadline_hours, r.due_at, r.submitted_at, r.submitted_by, r.reference, r.note, r.created_at "
				+ "FROM incident_reports r JOIN incidents i ON i.id = r.incident_id" + where.sql() + orderAndLimit)
			.params(where.params())
			.query((rs, n) -> new ReportView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, UUID.class),
					null, rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
					(Integer) rs.getObject(11), instant(rs.getTimestamp(12)), instant(rs.getTimestamp(13)), rs.getString(14), rs.getString(15),
					rs.getString(16), rs.getTimestamp(17).toInstant()))
			.list();
		Map<UUID, String> names = new HashMap<>(knownNames);
		List<UUID> missing = rows.stream().map(ReportView::aiSystemId).filter(id -> !names.containsKey(id)).distinct().toList();
		if (!missing.isEmpty()) {
			names.putAll(systems.names(missing));
		}
		return rows.stream().map(r -> new ReportView(r.id(), r.incidentId(), r.incidentRef(), r.aiSystemId(),
				names.getOrDefault(r.aiSystemId(), r.aiSystemId().toString()), r.role(), r.jurisdiction(), r.reportType(), r.title(), r.legalBasis(),
				r.kind(), r.deadlineHours(), r.dueAt(), r.submittedAt(), r.submittedBy(), r.reference(), r.note(), r.createdAt())).toList();
	}

	static IncidentView row(ResultSet rs) throws SQLException {
		return new IncidentView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
				IncidentSeverity.valueOf(rs.getString(5)), IncidentStatus.valueOf(rs.getString(6)), rs.getString(7), rs.getObject(8, UUID.class),
				rs.getString(9), rs.getString(10), rs.getBoolean(11), split(rs.getString(12)), instant(rs.getTimestamp(13)),
				instant(rs.getTimestamp(14)), instant(rs.getTimestamp(15)), rs.getLong(16), (Double) rs.getObject(17), rs.getString(18),
				rs.getString(19), rs.getObject(20, UUID.class), instant(rs.getTimestamp(21)), instant(rs.getTimestamp(22)), rs.getString(23),
				instant(rs.getTimestamp(24)), rs.getString(25), instant(rs.getTimestamp(26)), rs.getLong(27), List.of(), List.of(), List.of());
	}

	public static Set<Classification> split(String text) {
		Set<Classification> out = EnumSet.noneOf(Classification.class);
		if (text != null && !text.isBlank()) {
			Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Classification::valueOf).forEach(out::add);
		}
		return out;
	}

	public static String join(Collection<Classification> classes) {
		return classes.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
	}

	private static List<String> list(String text) {
		return text == null || text.isBlank() ? List.of() : List.of(text.split(","));
	}

	public static Timestamp ts(Instant t) {
		return t == null ? null : Timestamp.from(t);
	}

	public static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
