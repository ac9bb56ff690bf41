package org.openaims.assurance;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.approvals.ApprovalService;
import org.openaims.assurance.internal.Audit;
import org.openaims.assurance.internal.AuditItem;
import org.openaims.assurance.internal.CorrectiveAction;
import org.openaims.assurance.internal.Listing;
import org.openaims.assurance.internal.Nonconformities;
import org.openaims.assurance.internal.Nonconformity;
import org.openaims.catalog.CatalogService;
import org.openaims.catalog.RequirementView;
import org.openaims.common.AggregateBatch;
import org.openaims.common.ConflictException;
import org.openaims.common.FieldProblem;
import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.SortOptions;
import org.openaims.common.SqlWhere;
import org.openaims.compliance.ControlImplementation;
import org.openaims.evidence.EvidenceService;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.identity.UserDirectory;
import org.openaims.inventory.AiSystemService;
import org.openaims.ledger.HistoryEntry;
import org.openaims.ledger.Ledger;
import org.openaims.reporting.Table;

import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Nonconformities and corrective action (10.2). Anyone who works in the AIMS raises one (readers and
 * top management do not); audits raise them from nonconformity results and the lifecycle's deployments
 * without an allow raise candidates. Its owner, who raised it and AIMS managers work on it; each
 * action's owner reports its progress; auditors, AIMS managers or administrators who own none of the
 * actions review their effectiveness; the closure is approved through the approvals module by someone
 * who did not write the record.
 */
@Service
@Validated
@Transactional
public class NonconformityService {

	static final Role[] RAISERS = { Role.ADMIN, Role.AIMS_MANAGER, Role.AUDITOR, Role.SYSTEM_OWNER, Role.RISK_OWNER, Role.CONTRIBUTOR };

	static final Role[] EFFECTIVENESS_REVIEWERS = { Role.ADMIN, Role.AIMS_MANAGER, Role.AUDITOR };

	private static final Listing LISTING = new Listing("nonconformities n", "n.id", "raised", "n.raised_at", false, "n.title", "-raised");

	private static final SortOptions<OverdueAction> OVERDUE = SortOptions.by("a.id", OverdueAction::actionId, "due")
		.date("due", "a.due_date", OverdueAction::dueDate);

	private final Nonconformities nonconformities;

	private final CatalogService catalog;

	private final org.openaims.assurance.internal.Checklists checklists;

	private final AiSystemService systems;

	private final UserDirectory users;

	private final EvidenceService evidence;

	private final ApprovalService approvals;

	private final AuditService audits;

	private final Ledger ledger;

	private final AggregateBatch batch;

	private final JdbcClient jdbc;

	NonconformityService(Nonconformities nonconformities, CatalogService catalog, org.openaims.assurance.internal.Checklists checklists, AiSystemService systems, UserDirectory users,
			EvidenceService evidence, ApprovalService approvals, @Lazy AuditService audits, Ledger ledger, AggregateBatch batch,
			JdbcClient jdbc) {
		this.nonconformities = nonconformities;
		this.catalog = catalog;
		this.checklists = checklists;
		this.systems = systems;
		this.users = users;
		this.evidence = evidence;
		this.approvals = approvals;
		this.audits = audits;
		this.ledger = ledger;
		this.batch = batch;
		this.jdbc = jdbc;
	}

	@PreAuthorize("isAuthenticated()")
	public NonconformityView raise(@Valid NonconformityDetails details) {
		CurrentUser.requireAnyRole("only people who work in the AIMS raise nonconformities", RAISERS);
		if (details.source() == null) {
			throw new InvalidInputException("source", "say where it was found: " + Arrays.toString(NonconformitySource.values()));
		}
		if (details.source() == NonconformitySource.INTERNAL_AUDIT || details.source() == NonconformitySource.DEPLOYMENT_WITHOUT_ALLOW) {
			throw new InvalidInputException("source", "internal audits and deployments raise their own nonconformities");
		}
		String ref = check(details);
		return view(save(Nonconformity.raise(details, ref, false, CurrentUser.actor())));
	}

	/** A nonconformity result of an audit's item opens a nonconformity. */
	UUID raiseFromAudit(Audit audit, int index, AuditItem item, String title, String owner) {
		String chosen = owner == null || owner.isBlank() ? defaultOwner(item).orElse(null) : owner.strip();
		if (chosen == null) {
			throw new InvalidInputException("nonconformityOwner", "name who owns the nonconformity (the item has no owner to default to)");
		}
		Severity severity = item.result() == AuditResult.MAJOR_NONCONFORMITY ? Severity.MAJOR : Severity.MINOR;
		String t = title == null || title.isBlank() ? "Audit '" + audit.title() + "': " + item.title() : title.strip();
		NonconformityDetails d = new NonconformityDetails(t.length() > 300 ? t.substring(0, 299) + "…" : t, item.notes(),
				NonconformitySource.INTERNAL_AUDIT, audit.id() + "#" + (index + 1), item.requirementId(), null,
				item.subjectType() == ScopeKind.AI_SYSTEM ? UUID.fromString(item.subjectRef()) : null, severity, chosen, null, null, null, null,
				null);
		try {
			String ref = check(d);
			return save(Nonconformity.raise(d, ref, false, CurrentUser.actor())).id();
		}
		catch (InvalidInputException e) {
			throw new InvalidInputException("nonconformityOwner", e.getMessage());
		}
	}

	/** A deployment without a gate allow: a candidate for someone to accept or dismiss (once per deployment). */
	void raiseCandidate(String title, String description, UUID aiSystemId, String sourceRef, String owner) {
		boolean known = jdbc.sql("SELECT COUNT(*) FROM nonconformities WHERE source = :source AND source_ref = :ref")
			.param("source", NonconformitySource.DEPLOYMENT_WITHOUT_ALLOW.name()).param("ref", sourceRef).query(Long.class).single() > 0;
		if (known) {
			return;
		}
		RequirementView requirement = requirementByRef("A.6.2.5").orElse(null);
		NonconformityDetails d = new NonconformityDetails(title, description, NonconformitySource.DEPLOYMENT_WITHOUT_ALLOW, sourceRef,
				requirement == null ? null : requirement.id(), null, aiSystemId, Severity.MAJOR, owner, null, null, null, null, null);
		save(Nonconformity.raise(d, requirement == null ? null : requirement.refId(), true, CurrentUser.actor()));
	}

	/**
	 * An incident raises an open nonconformity (once per incident) against A.6.2.6, owned by the
	 * incident's owner: MAJOR for a serious or critical incident, MINOR otherwise.
	 */
	UUID raiseFromIncident(org.openaims.monitoring.IncidentView incident) {
		java.util.Optional<UUID> known = jdbc.sql("SELECT id FROM nonconformities WHERE source = :source AND source_ref = :ref")
			.param("source", NonconformitySource.INCIDENT.name()).param("ref", incident.id().toString()).query(UUID.class).optional();
		if (known.isPresent()) {
			return known.get();
		}
		RequirementView requirement = requirementByRef("A.6.2.6").orElse(null);
		Severity severity = incident.serious() || incident.severity() == org.openaims.monitoring.IncidentSeverity.CRITICAL ? Severity.MAJOR
				: Severity.MINOR;
		UUID system = incident.systems().isEmpty() ? null : incident.systems().get(0).aiSystemId();
		String description = "Incident " + incident.ref() + ": " + (incident.description() == null ? incident.title() : incident.description())
				+ (incident.rootCause() == null ? "" : "\nRoot cause found: " + incident.rootCause());
		NonconformityDetails d = new NonconformityDetails(cut(incident.ref() + " " + incident.title(), 300), cut(description, 4000),
				NonconformitySource.INCIDENT, incident.id().toString(), requirement == null ? null : requirement.id(), null, system, severity,
				incident.owner(), null, incident.containment(), null, null, null);
		return save(Nonconformity.raise(d, requirement == null ? null : requirement.refId(), false, CurrentUser.actor())).id();
	}

	/** A deployment without a gate allow raises a nonconformity candidate, owned by the system's owner. */
	@org.springframework.modulith.events.ApplicationModuleListener
	void on(org.openaims.lifecycle.DeployedWithoutAllow deployed) {
		CurrentUser.runAsSystem(() -> {
			String name = systems.names(List.of(deployed.aiSystemId())).getOrDefault(deployed.aiSystemId(), deployed.aiSystemId().toString());
			String owner = systems.get(deployed.aiSystemId()).owner();
			String verdict = deployed.gateVerdict() == null ? "without a gate decision" : "although the gate said " + deployed.gateVerdict();
			raiseCandidate(cut("Deployed without a gate allow: " + name + " " + deployed.version() + " to " + deployed.environment(), 300),
					name + " " + deployed.version() + " was deployed to " + deployed.environment() + " " + verdict + " (deployment "
							+ deployed.deploymentId() + ", recorded by " + deployed.stamp().actor().username() + ").",
					deployed.aiSystemId(), deployed.deploymentId().toString(), owner);
		});
	}

	@PreAuthorize("isAuthenticated()")
	public NonconformityView change(UUID id, @Valid NonconformityDetails details) {
		Nonconformity n = loadForWork(id);
		if (details.version() != null && details.version() != n.version()) {
			throw new ConflictException("the nonconformity was edited meanwhile (version " + n.version() + ", not " + details.version() + "); reload it");
		}
		String ref = check(details);
		boolean submitted = n.review().isSubmitted() || n.review().isApproved();
		n.change(details, ref, CurrentUser.actor());
		return saved(n, submitted);
	}

	/** A candidate is accepted (it becomes an open nonconformity) or dismissed with a reason. */
	@PreAuthorize("isAuthenticated()")
	public NonconformityView decideCandidate(UUID id, boolean accept, String reason) {
		CurrentUser.requireAnyRole("only administrators and AIMS managers accept or dismiss candidates", Role.ADMIN, Role.AIMS_MANAGER);
		if (!accept && (reason == null || reason.isBlank() || reason.length() > 1000)) {
			throw new InvalidInputException("reason", "say why the candidate is dismissed (at most 1000 characters)");
		}
		Nonconformity n = load(id);
		n.decideCandidate(accept, reason == null || reason.isBlank() ? null : reason.strip(), CurrentUser.actor());
		return view(save(n));
	}

	@PreAuthorize("isAuthenticated()")
	public NonconformityView addAction(UUID id, @Valid ActionDetails action) {
		Nonconformity n = loadForWork(id);
		if (!users.isActive(action.owner().strip())) {
			throw new InvalidInputException("owner", "no active user is named '" + action.owner().strip() + "'");
		}
		boolean submitted = n.review().isSubmitted() || n.review().isApproved();
		n.addAction(action, CurrentUser.actor());
		return saved(n, submitted);
	}

	@PreAuthorize("isAuthenticated()")
	public NonconformityView updateAction(UUID id, UUID actionId, @Valid ActionUpdate update) {
		Nonconformity n = load(id);
		CorrectiveAction action = n.action(actionId);
		String me = CurrentUser.username();
		if (!me.equals(action.owner()) && !mayWork(n)) {
			throw new AccessDeniedException("only the action's owner, the nonconformity's owner or an AIMS manager report its progress");
		}
		if (update.evidenceId() != null && evidence.summaries(List.of(update.evidenceId())).isEmpty()) {
			throw new InvalidInputException("evidenceId", "no evidence item has id " + update.evidenceId());
		}
		boolean submitted = n.review().isSubmitted() || n.review().isApproved();
		n.updateAction(actionId, update, CurrentUser.actor());
		return saved(n, submitted);
	}

	/** The effectiveness review: after every action is done, by an auditor or manager who owns none of them. */
	@PreAuthorize("isAuthenticated()")
	public NonconformityView reviewEffectiveness(UUID id, boolean effective, String note) {
		CurrentUser.requireAnyRole("only auditors, AIMS managers and administrators review the effectiveness of corrective actions",
				EFFECTIVENESS_REVIEWERS);
		if (note != null && note.length() > 2000) {
			throw new InvalidInputException("note", "must be at most 2000 characters");
		}
		Nonconformity n = load(id);
		n.reviewEffectiveness(effective, note, CurrentUser.actor());
		return view(save(n));
	}

	/** Asks for the closure's approval: every action done and found effective by someone else. */
	@PreAuthorize("isAuthenticated()")
	public NonconformityView submit(UUID id, LocalDate due) {
		Nonconformity n = loadForWork(id);
		n.requireClosable();
		approvals.submit(n.reviewRef(), due == null ? LocalDate.now().plusDays(7) : due, "Close nonconformity " + n.title());
		return get(id);
	}

	/** Schedules a follow-up audit of the nonconformity's requirement (and system) in a programme. */
	@PreAuthorize("isAuthenticated()")
	public AuditView followUp(UUID id, UUID programmeId, LocalDate date, String leadAuditor) {
		Nonconformity n = load(id);
		if (programmeId == null) {
			throw new InvalidInputException("programmeId", "name the audit programme the follow-up belongs to");
		}
		if (date == null) {
			throw new InvalidInputException("date", "say when the follow-up audit takes place");
		}
		if (leadAuditor == null || leadAuditor.isBlank()) {
			throw new InvalidInputException("leadAuditor", "name the follow-up's lead auditor");
		}
		if (n.requirementRef() == null && n.aiSystemId() == null) {
			throw new ConflictException("'" + n.title() + "' names no requirement or AI system to audit again");
		}
		String ref = n.requirementRef();
		boolean control = ref != null && ref.toUpperCase(java.util.Locale.ROOT).startsWith("A.");
		AuditDetails details = new AuditDetails(programmeId, "Follow-up: " + cut(n.title(), 280), date, date, n.raisedAt().atZone(ZoneOffset.UTC)
			.toLocalDate(), date, ref != null && !control ? List.of(ref) : List.of(), control ? List.of(ref) : List.of(),
				n.aiSystemId() == null ? List.of() : List.of(n.aiSystemId()), List.of(), "10.2: the corrective actions removed the cause",
				"Follow-up of nonconformity " + n.id(), leadAuditor.strip(), List.of(), null);
		return audits.plan(details, n.id());
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public NonconformityView get(UUID id) {
		return view(load(id));
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Page<NonconformityView> list(NonconformityFilter filter, PageRequest request) {
		Page<Nonconformity> page = LISTING.page(jdbc, batch, Nonconformity.class, Nonconformity::id, where(filter), request);
		Map<UUID, String> names = systems.names(page.items().stream().map(Nonconformity::aiSystemId).filter(java.util.Objects::nonNull).toList());
		return page.map(n -> view(n, names));
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Table exportTable(NonconformityFilter filter, int batchRows) {
		return Listing.table("nonconformities", "Nonconformities", List.of("id", "title", "source", "source_ref", "requirement", "ai_system",
				"severity", "status", "stage", "owner", "root_cause_method", "root_cause", "actions", "actions_done", "effective", "raised_at",
				"raised_by", "closed_at"), LISTING.count(jdbc, where(filter)), batchRows, r -> list(filter, r),
				n -> Arrays.asList(n.id(), n.title(), n.source(), n.sourceRef(), n.requirementRef(), n.aiSystemName(), n.severity(), n.status(),
						n.stage(), n.owner(), n.rootCauseMethod(), n.rootCause(), n.actions().size(),
						n.actions().stream().filter(a -> a.status() == ActionStatus.DONE).count(), n.effective(), n.raisedAt(), n.raisedBy(),
						n.closedAt()));
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<HistoryEntry> history(UUID id) {
		load(id);
		return ledger.history(Nonconformity.SUBJECT, id.toString());
	}

	/** Open corrective actions past their due date, most overdue first; optionally one owner's. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Page<OverdueAction> overdueActions(String owner, PageRequest request) {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		SqlWhere where = new SqlWhere().and("a.status = 'OPEN'").and("n.status = 'OPEN'").and("a.due_date < :today", "today", today)
			.and("a.owner = :owner", "owner", owner == null || owner.isBlank() ? null : owner.strip());
		SortOptions<OverdueAction>.Sorting sorting = OVERDUE.apply(request, where);
		return sorting.page(jdbc.sql("SELECT n.id, n.title, a.id, a.description, a.owner, a.due_date FROM corrective_actions a "
				+ "JOIN nonconformities n ON n.id = a.nonconformity_id" + where.sql() + sorting.orderByAndLimit())
			.params(where.params())
			.query((rs, i) -> {
				LocalDate due = rs.getObject(6, LocalDate.class);
				return new OverdueAction(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
						rs.getString(5), due, ChronoUnit.DAYS.between(due, today));
			})
			.list());
	}

	/** Nonconformities raised per month from {@code from} to {@code to}, by source and by requirement. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public NonconformityTrends trends(LocalDate from, LocalDate to) {
		LocalDate end = to == null ? LocalDate.now(ZoneOffset.UTC) : to;
		LocalDate start = from == null ? end.minusMonths(11).withDayOfMonth(1) : from;
		if (end.isBefore(start)) {
			throw new InvalidInputException("to", "must not be before from");
		}
		if (ChronoUnit.MONTHS.between(YearMonth.from(start), YearMonth.from(end)) > 60) {
			throw new InvalidInputException("from", "a trend covers at most 60 months");
		}
		List<String> months = new ArrayList<>();
		for (YearMonth m = YearMonth.from(start); !m.isAfter(YearMonth.from(end)); m = m.plusMonths(1)) {
			months.add(m.toString());
		}
		Map<String, List<Long>> bySource = new TreeMap<>();
		Map<String, List<Long>> byRequirement = new TreeMap<>();
		jdbc.sql("SELECT raised_at, source, COALESCE(requirement_ref, '(none)') FROM nonconformities WHERE raised_at >= :f AND raised_at < :t "
				+ "AND status <> 'DISMISSED'")
			.param("f", Timestamp.from(start.atStartOfDay(ZoneOffset.UTC).toInstant()))
			.param("t", Timestamp.from(end.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
			.query((rs, n) -> {
				String month = YearMonth.from(rs.getTimestamp(1).toInstant().atZone(ZoneOffset.UTC)).toString();
				int i = months.indexOf(month);
				bySource.computeIfAbsent(rs.getString(2), k -> zeros(months.size())).set(i, bySource.get(rs.getString(2)).get(i) + 1);
				byRequirement.computeIfAbsent(rs.getString(3), k -> zeros(months.size())).set(i, byRequirement.get(rs.getString(3)).get(i) + 1);
				return month;
			})
			.list();
		return new NonconformityTrends(months, bySource, byRequirement);
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Map<UUID, NonconformitySummary> summaries(Collection<UUID> ids) {
		Map<UUID, NonconformitySummary> result = new LinkedHashMap<>();
		batch.findAllById(Nonconformity.class, ids).forEach(n -> result.put(n.id(),
				new NonconformitySummary(n.id(), n.title(), n.severity(), n.status(), n.owner(), n.requirementRef())));
		return result;
	}

	/** Whether the signed-in user works on the nonconformity (its owner, who raised it, an AIMS manager or administrator). */
	public boolean mayWork(NonconformityView n) {
		String me = CurrentUser.username();
		return CurrentUser.hasAnyRole(Role.ADMIN, Role.AIMS_MANAGER) || me.equals(n.owner()) || me.equals(n.raisedBy());
	}

	public boolean mayRaise() {
		return CurrentUser.hasAnyRole(RAISERS);
	}

	public boolean mayReviewEffectiveness(NonconformityView n) {
		return CurrentUser.hasAnyRole(EFFECTIVENESS_REVIEWERS) && n.actions().stream().noneMatch(a -> a.owner().equals(CurrentUser.username()));
	}

	private boolean mayWork(Nonconformity n) {
		String me = CurrentUser.username();
		return CurrentUser.hasAnyRole(Role.ADMIN, Role.AIMS_MANAGER) || me.equals(n.owner()) || me.equals(n.raisedBy());
	}

	private static List<Long> zeros(int n) {
		return new ArrayList<>(java.util.Collections.nCopies(n, 0L));
	}

	private static SqlWhere where(NonconformityFilter f) {
		return new SqlWhere().and("n.status = :status", "status", f.status() == null ? null : f.status().name())
			.and("n.source = :source", "source", f.source() == null ? null : f.source().name())
			.and("n.severity = :severity", "severity", f.severity() == null ? null : f.severity().name())
			.and("n.owner = :owner", "owner", f.owner() == null || f.owner().isBlank() ? null : f.owner().strip())
			.and("n.requirement_ref = :requirement", "requirement", f.requirement() == null || f.requirement().isBlank() ? null : f.requirement().strip())
			.and("n.ai_system_id = :system", "system", f.aiSystemId())
			.containsText("q", f.q(), "n.title", "COALESCE(n.description, '')", "COALESCE(n.root_cause, '')");
	}

	/** Checks what spans fields and records; returns the requirement's reference. */
	private String check(NonconformityDetails d) {
		List<FieldProblem> problems = new ArrayList<>();
		if (!users.isActive(d.owner().strip())) {
			problems.add(new FieldProblem("owner", "no active user is named '" + d.owner().strip() + "'"));
		}
		if (d.aiSystemId() != null && systems.names(List.of(d.aiSystemId())).isEmpty()) {
			problems.add(new FieldProblem("aiSystemId", "no AI system has id " + d.aiSystemId()));
		}
		if ((d.rootCause() == null || d.rootCause().isBlank()) != (d.rootCauseMethod() == null)) {
			problems.add(new FieldProblem(d.rootCauseMethod() == null ? "rootCauseMethod" : "rootCause",
					"a root cause is recorded with the method that found it (" + Arrays.toString(RootCauseMethod.values()) + ")"));
		}
		String ref = null;
		if (d.requirementId() != null) {
			List<RequirementView> found = catalog.requirements(List.of(d.requirementId()));
			if (found.isEmpty()) {
				problems.add(new FieldProblem("requirementId", "no requirement has id " + d.requirementId()));
			}
			else {
				ref = found.get(0).refId();
			}
		}
		else if (d.requirementRef() != null && !d.requirementRef().isBlank()) {
			Optional<RequirementView> r = requirementByRef(d.requirementRef().strip());
			if (r.isEmpty()) {
				problems.add(new FieldProblem("requirementRef", "'" + d.requirementRef().strip() + "' is no clause or control of ISO/IEC 42001"));
			}
			else {
				ref = r.get().refId();
			}
		}
		InvalidInputException.throwIfAny(problems);
		return ref;
	}

	private Optional<RequirementView> requirementByRef(String ref) {
		return checklists.requirement(ref);
	}

	private Optional<String> defaultOwner(AuditItem item) {
		if (item.subjectType() == ScopeKind.AI_SYSTEM) {
			return Optional.ofNullable(systems.get(UUID.fromString(item.subjectRef())).owner());
		}
		if (item.subjectType() == ScopeKind.CONTROL && item.requirementId() != null) {
			ControlImplementation c = checklists.implementations().get(item.requirementId());
			return Optional.ofNullable(c == null ? null : c.owner()).filter(users::isActive);
		}
		return Optional.empty();
	}

	private NonconformityView saved(Nonconformity n, boolean wasUnderReview) {
		Nonconformity saved = save(n);
		if (wasUnderReview) {
			approvals.contentChanged(saved.reviewRef(), "the nonconformity changed");
		}
		return view(saved);
	}

	private Nonconformity save(Nonconformity n) {
		return nonconformities.save(n);
	}

	Nonconformity load(UUID id) {
		return nonconformities.findById(id).orElseThrow(() -> new NotFoundException("nonconformity", id));
	}

	private Nonconformity loadForWork(UUID id) {
		Nonconformity n = load(id);
		if (!mayWork(n)) {
			throw new AccessDeniedException("only the owner of '" + n.title() + "', who raised it or an AIMS manager may change it");
		}
		return n;
	}

	private NonconformityView view(Nonconformity n) {
		return view(n, n.aiSystemId() == null ? Map.of() : systems.names(List.of(n.aiSystemId())));
	}

	private static NonconformityView view(Nonconformity n, Map<UUID, String> names) {
		LocalDate today = Nonconformity.today();
		return new NonconformityView(n.id(), n.title(), n.description(), n.source(), n.sourceRef(), n.requirementId(), n.requirementRef(),
				n.aiSystemId(), n.aiSystemId() == null ? null : names.get(n.aiSystemId()), n.severity(), n.status(), n.stage(), n.owner(),
				n.correction(), n.containment(), n.rootCauseMethod(), n.rootCause(), n.actions().stream().map(a -> a.view(today)).toList(),
				n.effectivenessReviewedBy(), n.effectivenessReviewedAt(), n.effective(), n.effectivenessNote(), n.dismissedReason(),
				n.review().status(), n.raisedAt(), n.raisedBy(), n.closedAt(), n.updatedAt(), n.updatedBy(), n.version());
	}

	private static String cut(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max - 1) + "…";
	}
}
