package org.openaims.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.common.ConflictException;
import org.openaims.common.FieldProblem;
import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.SortOptions;
import org.openaims.common.SqlWhere;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.inventory.AiSystemService;
import org.openaims.ledger.HistoryEntry;
import org.openaims.ledger.Ledger;
import org.openaims.monitoring.internal.IncidentRecords;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Incidents (A.8.4; EU AI Act art. 26(5), 73): raised by monitoring rules or reported by people, worked
 * on by their owner, AIMS managers and administrators — timeline notes, containment, root cause, the
 * classification that makes reports due, reports submitted, the nonconformity it raises — resolved and,
 * once its containment and root cause are written, closed by an AIMS manager or administrator.
 * Everyone reads them; the reporting clocks list every report still to make, soonest due first.
 */
@Service
@Validated
@Transactional
public class IncidentService {

	public static final String SUBJECT = IncidentRecords.SUBJECT;

	static final Role[] REPORTERS = { Role.ADMIN, Role.AIMS_MANAGER, Role.SYSTEM_OWNER, Role.RISK_OWNER, Role.CONTRIBUTOR };

	private static final SortOptions<IncidentView> SORTS = SortOptions.<IncidentView>by("i.id", IncidentView::id, "-awareAt")
		.time("awareAt", "i.aware_at", IncidentView::awareAt).text("title", "i.title", IncidentView::title);

	private static final SortOptions<ReportView> CLOCKS = SortOptions.<ReportView>by("r.id", ReportView::id, "dueAt").time("dueAt", "r.due_at",
			ReportView::dueAt);

	private final JdbcClient jdbc;

	private final IncidentRecords records;

	private final AiSystemService systems;

	private final Ledger ledger;

	private final ObjectProvider<IncidentFindings> findings;

	private final String defaultJurisdiction;

	IncidentService(JdbcClient jdbc, IncidentRecords records, AiSystemService systems, Ledger ledger, ObjectProvider<IncidentFindings> findings,
			@Value("${aims.monitoring.jurisdiction:EU}") String defaultJurisdiction) {
		this.jdbc = jdbc;
		this.records = records;
		this.systems = systems;
		this.ledger = ledger;
		this.findings = findings;
		this.defaultJurisdiction = defaultJurisdiction;
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Page<IncidentView> list(IncidentStatus status, UUID aiSystemId, IncidentSeverity severity, PageRequest request) {
		SqlWhere where = new SqlWhere().and("i.status = :status", "status", status == null ? null : status.name())
			.and("i.severity = :severity", "severity", severity == null ? null : severity.name());
		if (aiSystemId != null) {
			where.and("i.id IN (SELECT s.incident_id FROM incident_systems s WHERE s.ai_system_id = :system)", "system", aiSystemId);
		}
		SortOptions<IncidentView>.Sorting sorting = SORTS.apply(request, where);
		Page<IncidentView> page = sorting.page(jdbc.sql("SELECT i.id, i.aware_at, i.title FROM incidents i" + where.sql() + sorting.orderByAndLimit())
			.params(where.params())
			.query((rs, n) -> new IncidentView(rs.getObject(1, UUID.class), null, rs.getString(3), null, null, null, null, null, null, null, false,
					Set.of(), null, rs.getTimestamp(2).toInstant(), null, 0, null, null, null, null, null, null, null, null, null, null, 0, List.of(),
					List.of(), List.of()))
			.list());
		return new Page<>(records.views(page.items().stream().map(IncidentView::id).toList()), page.next());
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public IncidentView get(UUID id) {
		List<IncidentView> found = records.views(List.of(id));
		if (found.isEmpty()) {
			throw new NotFoundException("incident", id);
		}
		return found.get(0);
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<HistoryEntry> history(UUID id) {
		get(id);
		return ledger.history(SUBJECT, id.toString());
	}

	/** Someone reports an incident; its owner is the first system's owner. */
	@PreAuthorize("isAuthenticated()")
	public IncidentView report(@Valid IncidentDetails d) {
		CurrentUser.requireAnyRole("only people who work in the AIMS report incidents here (anyone may report a concern)", REPORTERS);
		List<FieldProblem> problems = new ArrayList<>();
		List<UUID> ids = d.aiSystemIds() == null ? List.of() : d.aiSystemIds().stream().distinct().toList();
		if (ids.isEmpty()) {
			problems.add(new FieldProblem("aiSystemIds", "name at least one AI system the incident concerns"));
		}
		Map<UUID, String> known = systems.names(ids);
		for (UUID id : ids) {
			if (!known.containsKey(id)) {
				problems.add(new FieldProblem("aiSystemIds", "no AI system has id " + id));
			}
		}
		Instant now = Instant.now();
		Instant aware = d.awareAt() == null ? now : d.awareAt();
		Instant occurred = d.occurredAt() == null ? aware : d.occurredAt();
		times(occurred, aware, now, problems);
		String jurisdiction = jurisdiction(d.jurisdiction(), problems);
		InvalidInputException.throwIfAny(problems);
		String owner = records.system(ids.get(0)).owner();
		Map.Entry<UUID, String> made = records.raise(new IncidentRecords.NewIncident(d.title().strip(), blank(d.description()), d.severity(), "REPORTED",
				null, owner, jurisdiction, classes(d.classifications()), occurred, aware, null, ids, "Reported by " + CurrentUser.username()));
		if (blank(d.containment()) != null || blank(d.rootCause()) != null) {
			jdbc.sql("UPDATE incidents SET containment = :c, root_cause = :r WHERE id = :id").param("c", blank(d.containment()))
				.param("r", blank(d.rootCause())).param("id", made.getKey()).update();
		}
		return get(made.getKey());
	}

	/** Edits what is known; a change of awareness or classification moves the reports' deadlines. */
	@PreAuthorize("isAuthenticated()")
	public IncidentView change(UUID id, @Valid IncidentDetails d) {
		IncidentView before = work(id);
		if (d.version() != null && d.version() != before.version()) {
			throw new ConflictException("the incident was changed meanwhile (version " + before.version() + ", you edited " + d.version() + ")");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (d.aiSystemIds() != null && !d.aiSystemIds().isEmpty()
				&& !Set.copyOf(d.aiSystemIds()).equals(Set.copyOf(before.systems().stream().map(IncidentView.AffectedSystem::aiSystemId).toList()))) {
			problems.add(new FieldProblem("aiSystemIds", "the systems an incident concerns are named when it is reported"));
		}
		Instant aware = d.awareAt() == null ? before.awareAt() : d.awareAt();
		Instant occurred = d.occurredAt() == null ? before.occurredAt() : d.occurredAt();
		times(occurred, aware, Instant.now(), problems);
		String jurisdiction = d.jurisdiction() == null ? before.jurisdiction() : jurisdiction(d.jurisdiction(), problems);
		InvalidInputException.throwIfAny(problems);
		Set<Classification> classes = d.classifications() == null ? before.classifications() : classes(d.classifications());
		jdbc.sql("UPDATE incidents SET title = :title, description = :description, severity = :severity, occurred_at = :occurred, aware_at = :aware, "
				+ "jurisdiction = :j, serious = :serious, classifications = :classes, containment = :containment, root_cause = :root, "
				+ "updated_at = :now, version = version + 1 WHERE id = :id")
			.param("title", d.title().strip()).param("description", blank(d.description())).param("severity", d.severity().name())
			.param("occurred", Timestamp.from(occurred)).param("aware", Timestamp.from(aware)).param("j", jurisdiction)
			.param("serious", !classes.isEmpty()).param("classes", IncidentRecords.join(classes)).param("containment", blank(d.containment()))
			.param("root", blank(d.rootCause())).param("now", Timestamp.from(Instant.now())).param("id", id).update();
		List<String> changed = new ArrayList<>();
		if (!aware.equals(before.awareAt())) {
			changed.add("aware since " + aware);
		}
		if (!classes.equals(before.classifications())) {
			changed.add(classes.isEmpty() ? "not serious" : "classified " + IncidentRecords.join(classes));
		}
		if (!jurisdiction.equals(before.jurisdiction())) {
			changed.add("jurisdiction " + jurisdiction);
		}
		if (!eq(blank(d.containment()), before.containment())) {
			changed.add("containment: " + (blank(d.containment()) == null ? "removed" : blank(d.containment())));
		}
		if (!eq(blank(d.rootCause()), before.rootCause())) {
			changed.add("root cause: " + (blank(d.rootCause()) == null ? "removed" : blank(d.rootCause())));
		}
		if (!classes.isEmpty()) {
			records.obligations(id);
		}
		records.note(id, "CHANGED", changed.isEmpty() ? "Details edited" : String.join("; ", changed));
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("title", d.title().strip());
		values.put("severity", d.severity().name());
		values.put("awareAt", aware.toString());
		values.put("occurredAt", occurred.toString());
		values.put("jurisdiction", jurisdiction);
		values.put("classifications", IncidentRecords.join(classes));
		values.put("containment", blank(d.containment()));
		values.put("rootCause", blank(d.rootCause()));
		records.publish("IncidentChanged", id, values);
		return get(id);
	}

	/** A note on the timeline. */
	@PreAuthorize("isAuthenticated()")
	public IncidentView note(UUID id, String note) {
		work(id);
		String text = blank(note);
		if (text == null || text.length() > 4000) {
			throw new InvalidInputException("note", "write the update (at most 4000 characters)");
		}
		records.note(id, "NOTE", text);
		records.publish("IncidentUpdated", id, Map.of("note", text));
		return get(id);
	}

	/** A report made to an authority or the provider: when, its reference. */
	@PreAuthorize("isAuthenticated()")
	public IncidentView submitReport(UUID id, UUID reportId, String reference, String note, Instant submittedAt) {
		IncidentView incident = work(id);
		ReportView report = incident.reports().stream().filter(r -> r.id().equals(reportId)).findFirst()
			.orElseThrow(() -> new NotFoundException("report of incident " + incident.ref(), reportId));
		if (report.submittedAt() != null) {
			throw new ConflictException("this report was submitted on " + report.submittedAt() + " (reference " + report.reference() + ")");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (blank(reference) == null || reference.strip().length() > 200) {
			problems.add(new FieldProblem("reference", "give the reference the recipient gave (or how it was sent), at most 200 characters"));
		}
		if (note != null && note.length() > 4000) {
			problems.add(new FieldProblem("note", "at most 4000 characters"));
		}
		Instant at = submittedAt == null ? Instant.now() : submittedAt;
		if (at.isAfter(Instant.now().plusSeconds(60)) || at.isBefore(incident.awareAt().minusSeconds(86400L * 366))) {
			problems.add(new FieldProblem("submittedAt", "cannot lie in the future"));
		}
		InvalidInputException.throwIfAny(problems);
		jdbc.sql("UPDATE incident_reports SET submitted_at = :at, submitted_by = :by, reference = :ref, note = :note WHERE id = :id")
			.param("at", Timestamp.from(at)).param("by", CurrentUser.username()).param("ref", reference.strip()).param("note", blank(note))
			.param("id", reportId).update();
		boolean late = report.dueAt() != null && at.isAfter(report.dueAt());
		records.note(id, "REPORT_SUBMITTED", report.title() + " (" + report.kind().toLowerCase().replace('_', '-') + ", " + report.aiSystemName()
				+ ") submitted, reference " + reference.strip() + (late ? " — after its deadline " + report.dueAt() : ""));
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("reportId", reportId);
		values.put("reportType", report.reportType());
		values.put("kind", report.kind());
		values.put("reference", reference.strip());
		values.put("submittedAt", at.toString());
		values.put("dueAt", report.dueAt() == null ? null : report.dueAt().toString());
		records.publish("IncidentReportSubmitted", id, values);
		return get(id);
	}

	/** A follow-up to a report (art. 73(5): an incomplete initial report is completed later), due when given. */
	@PreAuthorize("isAuthenticated()")
	public IncidentView followUp(UUID id, UUID reportId, Instant dueAt, String note) {
		IncidentView incident = work(id);
		ReportView report = incident.reports().stream().filter(r -> r.id().equals(reportId)).findFirst()
			.orElseThrow(() -> new NotFoundException("report of incident " + incident.ref(), reportId));
		if (dueAt != null && dueAt.isBefore(incident.awareAt())) {
			throw new InvalidInputException("dueAt", "a follow-up is due after the organization became aware (" + incident.awareAt() + ")");
		}
		if (note != null && note.length() > 4000) {
			throw new InvalidInputException("note", "at most 4000 characters");
		}
		jdbc.sql("INSERT INTO incident_reports (id, incident_id, ai_system_id, role, jurisdiction, report_type, title, legal_basis, kind, due_at, note, "
				+ "created_at) VALUES (:id, :i, :s, :role, :j, :type, :title, :basis, 'FOLLOW_UP', :due, :note, :now)")
			.param("id", UUID.randomUUID()).param("i", id).param("s", report.aiSystemId()).param("role", report.role())
			.param("j", report.jurisdiction()).param("type", report.reportType()).param("title", "Follow-up: " + report.title())
			.param("basis", report.legalBasis()).param("due", dueAt == null ? null : Timestamp.from(dueAt)).param("note", blank(note))
			.param("now", Timestamp.from(Instant.now())).update();
		records.note(id, "FOLLOW_UP", "Follow-up report planned for " + report.title() + (dueAt == null ? "" : ", due " + dueAt));
		records.publish("IncidentFollowUpPlanned", id, Map.of("reportId", reportId, "dueAt", dueAt == null ? "" : dueAt.toString()));
		return get(id);
	}

	/** Raises the incident's nonconformity (once) through the module that keeps nonconformities. */
	@PreAuthorize("isAuthenticated()")
	public IncidentView raiseNonconformity(UUID id) {
		IncidentView incident = work(id);
		if (incident.nonconformityId() != null) {
			return incident;
		}
		IncidentFindings target = findings.getIfAvailable();
		if (target == null) {
			throw new ConflictException("no module keeps nonconformities in this installation");
		}
		UUID nc = target.raise(incident);
		jdbc.sql("UPDATE incidents SET nonconformity_id = :nc, updated_at = :now, version = version + 1 WHERE id = :id").param("nc", nc)
			.param("now", Timestamp.from(Instant.now())).param("id", id).update();
		records.note(id, "NONCONFORMITY", "Nonconformity raised: " + nc);
		records.publish("IncidentNonconformityRaised", id, Map.of("nonconformityId", nc));
		return get(id);
	}

	/** The incident is over (a rule's breach resolves it by itself when it clears). */
	@PreAuthorize("isAuthenticated()")
	public IncidentView resolve(UUID id, String note) {
		IncidentView incident = work(id);
		if (incident.status() != IncidentStatus.OPEN) {
			throw new ConflictException("only an open incident is resolved; this one is " + incident.status());
		}
		if (note != null && note.length() > 4000) {
			throw new InvalidInputException("note", "at most 4000 characters");
		}
		records.cleared(id, Instant.now(), blank(note) == null ? "Resolved by " + CurrentUser.username() : blank(note));
		return get(id);
	}

	/** Closes a resolved incident whose containment and root cause are written; AIMS managers and administrators. */
	@PreAuthorize("isAuthenticated()")
	public IncidentView close(UUID id, String note) {
		CurrentUser.requireAnyRole("only administrators and AIMS managers close incidents", Role.ADMIN, Role.AIMS_MANAGER);
		IncidentView incident = get(id);
		if (incident.status() != IncidentStatus.RESOLVED) {
			throw new ConflictException("an incident is resolved before it is closed; this one is " + incident.status());
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (incident.containment() == null) {
			problems.add(new FieldProblem("containment", "write how the incident was contained before closing it"));
		}
		if (incident.rootCause() == null) {
			problems.add(new FieldProblem("rootCause", "write its root cause before closing it"));
		}
		if (incident.reports().stream().anyMatch(r -> r.submittedAt() == null && "INITIAL".equals(r.kind()))) {
			problems.add(new FieldProblem("reports", "submit its initial reports before closing it"));
		}
		if (note != null && note.length() > 4000) {
			problems.add(new FieldProblem("note", "at most 4000 characters"));
		}
		InvalidInputException.throwIfAny(problems);
		Instant now = Instant.now();
		jdbc.sql("UPDATE incidents SET status = 'CLOSED', closed_at = :now, closed_by = :by, updated_at = :now, version = version + 1 WHERE id = :id")
			.param("now", Timestamp.from(now)).param("by", CurrentUser.username()).param("id", id).update();
		records.note(id, "CLOSED", blank(note) == null ? "Closed" : blank(note));
		records.publish("IncidentClosed", id, Map.of("note", blank(note) == null ? "" : blank(note)));
		return get(id);
	}

	/** Reports still to make (or all, with {@code submitted}), soonest due first. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Page<ReportView> clocks(Boolean overdueOnly, PageRequest request) {
		SqlWhere where = new SqlWhere().and("r.submitted_at IS NULL").and("r.due_at IS NOT NULL");
		if (Boolean.TRUE.equals(overdueOnly)) {
			where.and("r.due_at < :now", "now", Timestamp.from(Instant.now()));
		}
		SortOptions<ReportView>.Sorting sorting = CLOCKS.apply(request, where);
		List<ReportView> rows = records.reports(where, sorting.orderByAndLimit(), Map.of());
		return sorting.page(rows);
	}

	/** The reporting rules of a jurisdiction (all when null). */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<ReportingRuleView> reportingRules(String jurisdiction) {
		return records.rules(blank(jurisdiction));
	}

	/** A reporting rule as written. */
	public record ReportingRuleDetails(String role, String reportType, String title, String legalBasis, Classification appliesWhen,
			Integer deadlineHours) {
	}

	/** Replaces a jurisdiction's reporting rules (legislation changes); administrators and AIMS managers. Open reports keep their deadlines. */
	@PreAuthorize("isAuthenticated()")
	public List<ReportingRuleView> replaceReportingRules(String jurisdiction, List<ReportingRuleDetails> rules) {
		CurrentUser.requireAnyRole("only administrators and AIMS managers change reporting rules", Role.ADMIN, Role.AIMS_MANAGER);
		List<FieldProblem> problems = new ArrayList<>();
		String j = jurisdiction == null ? "" : jurisdiction.strip();
		if (!j.matches("[A-Za-z0-9_-]{2,16}")) {
			problems.add(new FieldProblem("jurisdiction", "2-16 letters, digits, _ or - (EU, UK, US-CA …)"));
		}
		if (rules == null || rules.isEmpty() || rules.size() > 50) {
			problems.add(new FieldProblem("rules", "give 1 to 50 rules"));
		}
		Set<String> seen = new java.util.HashSet<>();
		for (int i = 0; rules != null && i < rules.size(); i++) {
			ReportingRuleDetails r = rules.get(i);
			String at = "rules[" + i + "]";
			if (r == null) {
				problems.add(new FieldProblem(at, "is empty"));
				continue;
			}
			if (!"PROVIDER".equals(r.role()) && !"DEPLOYER".equals(r.role()) && !"DEVELOPER".equals(r.role()) && !"USER".equals(r.role())) {
				problems.add(new FieldProblem(at + ".role", "PROVIDER, DEPLOYER, DEVELOPER or USER"));
			}
			if (r.reportType() == null || !r.reportType().matches("[a-z0-9-]{2,64}")) {
				problems.add(new FieldProblem(at + ".reportType", "2-64 lower-case letters, digits or - (serious-incident)"));
			}
			if (blank(r.title()) == null || r.title().length() > 300) {
				problems.add(new FieldProblem(at + ".title", "1-300 characters"));
			}
			if (blank(r.legalBasis()) == null || r.legalBasis().length() > 300) {
				problems.add(new FieldProblem(at + ".legalBasis", "1-300 characters (the article that obliges it)"));
			}
			if (r.appliesWhen() == null) {
				problems.add(new FieldProblem(at + ".appliesWhen", "one of " + java.util.Arrays.toString(Classification.values())));
			}
			if (r.deadlineHours() == null || r.deadlineHours() < 0 || r.deadlineHours() > 24 * 365) {
				problems.add(new FieldProblem(at + ".deadlineHours", "between 0 and 8760 hours"));
			}
			if (!seen.add(r.role() + "/" + r.reportType() + "/" + r.appliesWhen())) {
				problems.add(new FieldProblem(at, "a second rule for the same role, report type and circumstance"));
			}
		}
		InvalidInputException.throwIfAny(problems);
		jdbc.sql("DELETE FROM reporting_rules WHERE jurisdiction = :j").param("j", j).update();
		for (ReportingRuleDetails r : rules) {
			jdbc.sql("INSERT INTO reporting_rules (id, jurisdiction, role, report_type, title, legal_basis, applies_when, deadline_hours) VALUES "
					+ "(:id, :j, :role, :type, :title, :basis, :when, :hours)")
				.param("id", UUID.randomUUID()).param("j", j).param("role", r.role()).param("type", r.reportType()).param("title", r.title().strip())
				.param("basis", r.legalBasis().strip()).param("when", r.appliesWhen().name()).param("hours", r.deadlineHours()).update();
		}
		records.publish("ReportingRulesReplaced", UUID.nameUUIDFromBytes(("reporting-rules:" + j).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
				Map.of("jurisdiction", j, "rules", rules.stream().map(r -> r.role() + " " + r.reportType() + " " + r.appliesWhen() + " "
						+ r.deadlineHours() + "h").toList()));
		return records.rules(j);
	}

	/** Whether the current user works on this incident (for pages). */
	@Transactional(readOnly = true)
	public boolean mayWork(IncidentView incident) {
		return CurrentUser.hasAnyRole(Role.ADMIN, Role.AIMS_MANAGER) || CurrentUser.username().equals(incident.owner());
	}

	private IncidentView work(UUID id) {
		IncidentView incident = get(id);
		if (!mayWork(incident)) {
			throw new AccessDeniedException("only the incident's owner, AIMS managers and administrators work on it");
		}
		if (incident.status() == IncidentStatus.CLOSED) {
			throw new ConflictException("incident " + incident.ref() + " is closed");
		}
		return incident;
	}

	private String jurisdiction(String given, List<FieldProblem> problems) {
		String j = blank(given) == null ? defaultJurisdiction : given.strip();
		if (records.rules(j).isEmpty()) {
			problems.add(new FieldProblem("jurisdiction", "no reporting rules are kept for " + j + " (add them, or use one of "
					+ records.rules(null).stream().map(ReportingRuleView::jurisdiction).distinct().toList() + ")"));
		}
		return j;
	}

	private static void times(Instant occurred, Instant aware, Instant now, List<FieldProblem> problems) {
		if (aware.isAfter(now.plusSeconds(60))) {
			problems.add(new FieldProblem("awareAt", "cannot lie in the future"));
		}
		if (occurred.isAfter(aware)) {
			problems.add(new FieldProblem("occurredAt", "lies after the organization became aware (" + aware + ")"));
		}
		if (occurred.isBefore(Instant.parse("2000-01-01T00:00:00Z"))) {
			problems.add(new FieldProblem("occurredAt", "lies before 2000"));
		}
	}

	private static Set<Classification> classes(Set<Classification> given) {
		Set<Classification> out = EnumSet.noneOf(Classification.class);
		if (given != null) {
			given.stream().filter(c -> c != null).forEach(out::add);
		}
		if (!out.isEmpty()) {
			out.add(Classification.SERIOUS);
		}
		return out;
	}

	private static boolean eq(Object a, Object b) {
		return a == null ? b == null : a.equals(b);
	}

	static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
