package org.openaims.assurance;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.approvals.ApprovalService;
import org.openaims.assurance.internal.Audit;
import org.openaims.assurance.internal.AuditItem;
import org.openaims.assurance.internal.AuditProgramme;
import org.openaims.assurance.internal.AuditProgrammes;
import org.openaims.assurance.internal.AuditReport;
import org.openaims.assurance.internal.Audits;
import org.openaims.assurance.internal.Checklists;
import org.openaims.assurance.internal.Independence;
import org.openaims.assurance.internal.IndependenceException;
import org.openaims.assurance.internal.IndependenceExceptions;
import org.openaims.assurance.internal.Listing;
import org.openaims.common.AggregateBatch;
import org.openaims.common.ConflictException;
import org.openaims.common.FieldProblem;
import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.SqlWhere;
import org.openaims.evidence.EvidenceService;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.identity.UserDirectory;
import org.openaims.identity.UserView;
import org.openaims.inventory.AiSystemService;
import org.openaims.ledger.HistoryEntry;
import org.openaims.ledger.Ledger;
import org.openaims.reporting.Table;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The audit programme and its internal audits (9.2). AIMS managers, administrators and auditors plan
 * programmes (approved through the approvals module by someone who did not write them) and audits;
 * an audit of an approved programme starts with a checklist generated from its scope; its lead and
 * team record each item's result — each auditor independent of the items they audit, unless an
 * approved exception allows it —; a nonconformity result opens a nonconformity; the report is issued
 * once every item has a result.
 */
@Service
@Validated
@Transactional
public class AuditService {

	static final Role[] PLANNERS = { Role.ADMIN, Role.AIMS_MANAGER, Role.AUDITOR };

	static final Role[] AUDITOR_ROLES = { Role.AUDITOR, Role.AIMS_MANAGER, Role.ADMIN };

	private static final Listing PROGRAMMES = new Listing("audit_programmes p", "p.id", "period", "p.period_start", true, "p.title",
			"-period");

	private static final Listing AUDITS = new Listing("audits a", "a.id", "planned", "a.planned_start", true, "a.title", "-planned");

	private final AuditProgrammes programmes;

	private final Audits audits;

	private final IndependenceExceptions exceptions;

	private final Independence independence;

	private final Checklists checklists;

	private final NonconformityService nonconformities;

	private final AiSystemService systems;

	private final UserDirectory users;

	private final EvidenceService evidence;

	private final ApprovalService approvals;

	private final Ledger ledger;

	private final AggregateBatch batch;

	private final JdbcClient jdbc;

	AuditService(AuditProgrammes programmes, Audits audits, IndependenceExceptions exceptions, Independence independence, Checklists checklists,
			NonconformityService nonconformities, AiSystemService systems, UserDirectory users, EvidenceService evidence,
			ApprovalService approvals, Ledger ledger, AggregateBatch batch, JdbcClient jdbc) {
		this.programmes = programmes;
		this.audits = audits;
		this.exceptions = exceptions;
		this.independence = independence;
		this.checklists = checklists;
		this.nonconformities = nonconformities;
		this.systems = systems;
		this.users = users;
		this.evidence = evidence;
		this.approvals = approvals;
		this.ledger = ledger;
		this.batch = batch;
		this.jdbc = jdbc;
	}

	// -- programmes ------------------------------------------------------------------------------

	@PreAuthorize("isAuthenticated()")
	public ProgrammeView planProgramme(@Valid ProgrammeDetails details) {
		CurrentUser.requireAnyRole("only administrators, AIMS managers and auditors plan audit programmes", PLANNERS);
		checkPeriod(details.periodStart(), details.periodEnd(), "periodEnd");
		return programmeView(programmes.save(AuditProgramme.plan(details, CurrentUser.actor())));
	}

	@PreAuthorize("isAuthenticated()")
	public ProgrammeView changeProgramme(UUID id, @Valid ProgrammeDetails details) {
		CurrentUser.requireAnyRole("only administrators, AIMS managers and auditors change audit programmes", PLANNERS);
		AuditProgramme programme = programme(id);
		if (details.version() != null && details.version() != programme.version()) {
			throw new ConflictException("the programme was edited meanwhile (version " + programme.version() + ", not " + details.version() + "); reload it");
		}
		checkPeriod(details.periodStart(), details.periodEnd(), "periodEnd");
		if (programme.change(details, CurrentUser.actor())) {
			approvals.contentChanged(programme.reviewRef(), "the audit programme was edited");
		}
		return programmeView(programmes.save(programme));
	}

	@PreAuthorize("isAuthenticated()")
	public ProgrammeView submitProgramme(UUID id, LocalDate due) {
		CurrentUser.requireAnyRole("only administrators, AIMS managers and auditors submit audit programmes", PLANNERS);
		AuditProgramme programme = programme(id);
		approvals.submit(programme.reviewRef(), due == null ? LocalDate.now().plusDays(7) : due, "Audit programme " + programme.title());
		return getProgramme(id);
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public ProgrammeView getProgramme(UUID id) {
		return programmeView(programme(id));
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Page<ProgrammeView> programmes(String q, PageRequest request) {
		Page<AuditProgramme> page = PROGRAMMES.page(jdbc, batch, AuditProgramme.class, AuditProgramme::id, programmeWhere(q), request);
		Map<UUID, Long> counts = auditCounts(page.items().stream().map(AuditProgramme::id).toList());
		return page.map(p -> programmeView(p, counts.getOrDefault(p.id(), 0L)));
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Table programmesTable(String q, int batchRows) {
		return Listing.table("audit-programmes", "Audit programmes", List.of("id", "title", "period_start", "period_end", "objectives",
				"criteria", "method", "approval", "audits", "created_by"), PROGRAMMES.count(jdbc, programmeWhere(q)), batchRows,
				r -> programmes(q, r), p -> Arrays.asList(p.id(), p.title(), p.periodStart(), p.periodEnd(), p.objectives(), p.criteria(),
						p.method(), p.reviewStatus(), p.audits(), p.createdBy()));
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<HistoryEntry> programmeHistory(UUID id) {
		programme(id);
		return ledger.history(AuditProgramme.SUBJECT, id.toString());
	}

	private static SqlWhere programmeWhere(String q) {
		return new SqlWhere().containsText("q", q, "p.title", "COALESCE(p.objectives, '')");
	}

	private Map<UUID, Long> auditCounts(List<UUID> ids) {
		Map<UUID, Long> counts = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("SELECT programme_id, COUNT(*) FROM audits WHERE programme_id IN (:ids) GROUP BY programme_id").param("ids", ids)
				.query((rs, n) -> counts.put(rs.getObject(1, UUID.class), rs.getLong(2))).list();
		}
		return counts;
	}

	private ProgrammeView programmeView(AuditProgramme p) {
		return programmeView(p, auditCounts(List.of(p.id())).getOrDefault(p.id(), 0L));
	}

	private static ProgrammeView programmeView(AuditProgramme p, long audits) {
		return new ProgrammeView(p.id(), p.title(), p.periodStart(), p.periodEnd(), p.objectives(), p.criteria(), p.method(),
				p.review().status(), audits, p.createdAt(), p.createdBy(), p.updatedAt(), p.updatedBy(), p.version());
	}

	private AuditProgramme programme(UUID id) {
		return programmes.findById(id).orElseThrow(() -> new NotFoundException("audit programme", id));
	}

	// -- audits ----------------------------------------------------------------------------------

	@PreAuthorize("isAuthenticated()")
	public AuditView plan(@Valid AuditDetails details) {
		return plan(details, null);
	}

	/** Plans an audit; {@code followUpOf}: the nonconformity whose requirement it audits again. */
	AuditView plan(AuditDetails details, UUID followUpOf) {
		CurrentUser.requireAnyRole("only administrators, AIMS managers and auditors plan audits", PLANNERS);
		check(details);
		return view(audits.save(Audit.plan(details, followUpOf, CurrentUser.actor())), false);
	}

	@PreAuthorize("isAuthenticated()")
	public AuditView change(UUID id, @Valid AuditDetails details) {
		Audit audit = loadForLead(id);
		if (details.version() != null && details.version() != audit.version()) {
			throw new ConflictException("the audit was edited meanwhile (version " + audit.version() + ", not " + details.version() + "); reload it");
		}
		check(details);
		audit.change(details, CurrentUser.actor());
		return view(audits.save(audit), false);
	}

	/** Starts the audit: its programme is approved; the checklist is generated from the scope. */
	@PreAuthorize("isAuthenticated()")
	public AuditView start(UUID id) {
		Audit audit = loadForLead(id);
		AuditProgramme programme = programme(audit.programmeId());
		if (!programme.review().isApproved()) {
			throw new ConflictException("the audit programme '" + programme.title() + "' is not approved; its audits start once it is");
		}
		List<AuditItem> items = checklists.generate(audit.clauses(), audit.controls(), audit.aiSystemIds(), audit.processes());
		if (items.isEmpty()) {
			throw new ConflictException("the audit's scope names no clause, control, AI system or process; there is nothing to check");
		}
		audit.start(items, CurrentUser.actor());
		return view(audits.save(audit), false);
	}

	/**
	 * Records on a checklist item (see {@link ItemUpdate}). Only the audit's lead and team work on it;
	 * whoever becomes an item's auditor is checked for independence (refused naming the conflict,
	 * unless an approved exception allows it).
	 */
	@PreAuthorize("isAuthenticated()")
	public AuditItemView record(UUID id, int index, @Valid ItemUpdate update) {
		Audit audit = load(id);
		String me = CurrentUser.username();
		if (!audit.auditors().contains(me)) {
			throw new AccessDeniedException("only the lead auditor and team of audit '" + audit.title() + "' record its results");
		}
		AuditItem item = audit.item(index);
		String auditor = update.auditor() == null || update.auditor().isBlank() ? (item.auditor() == null ? me : item.auditor())
				: update.auditor().strip();
		if (!auditor.equals(me) && !me.equals(audit.leadAuditor())) {
			throw new AccessDeniedException("only the lead auditor assigns items to others");
		}
		if (!audit.auditors().contains(auditor)) {
			throw new InvalidInputException("auditor", auditor + " is not in the audit's team");
		}
		if (!auditor.equals(item.auditor())) {
			requireIndependent(audit, index, item, auditor);
			audit.assign(index, auditor, CurrentUser.actor());
		}
		if (update.result() != null || update.notes() != null || update.sampled() != null || update.evidenceId() != null) {
			if (!auditor.equals(me) && !me.equals(audit.leadAuditor())) {
				throw new AccessDeniedException("item " + (index + 1) + " is audited by " + auditor);
			}
			if (update.evidenceId() != null && evidence.summaries(List.of(update.evidenceId())).isEmpty()) {
				throw new InvalidInputException("evidenceId", "no evidence item has id " + update.evidenceId());
			}
			if (update.result() == null) {
				throw new InvalidInputException("result", "say what the item's result is: " + Arrays.toString(AuditResult.values()));
			}
			boolean raise = update.result().nonconformity() && item.nonconformityId() == null;
			audit.record(index, update.result(), update.notes(), update.sampled(), update.evidenceId(), CurrentUser.actor());
			if (raise) {
				UUID raised = nonconformities.raiseFromAudit(audit, index, audit.item(index), update.nonconformityTitle(),
						update.nonconformityOwner());
				audit.raised(index, raised);
			}
		}
		Audit saved = audits.save(audit);
		return checklists.views(saved, List.of(saved.item(index)), index, false).get(0);
	}

	/** Asks for an exception to independence: {@code auditor} may audit item {@code index} once someone else approves it. */
	@PreAuthorize("isAuthenticated()")
	public AuditView.ExceptionView requestException(UUID id, int index, String auditor, String justification) {
		Audit audit = loadForLead(id);
		if (auditor == null || auditor.isBlank() || !audit.auditors().contains(auditor.strip())) {
			throw new InvalidInputException("auditor", "name someone of the audit's team");
		}
		if (justification == null || justification.isBlank() || justification.length() > 2000) {
			throw new InvalidInputException("justification", "say why the exception is needed (1 to 2000 characters)");
		}
		AuditItem item = audit.item(index);
		List<String> conflicts = independence.conflicts(audit, item, auditor.strip());
		if (conflicts.isEmpty()) {
			throw new ConflictException(auditor.strip() + " is independent of item " + (index + 1) + "; no exception is needed");
		}
		IndependenceException exception = exceptions.save(IndependenceException.request(audit.id(), index, item.title(), auditor.strip(),
				String.join("; ", conflicts), justification, CurrentUser.actor()));
		approvals.submit(exception.reviewRef(), LocalDate.now().plusDays(7), "Independence exception on audit " + audit.title());
		return exceptions.findById(exception.id()).orElseThrow().view();
	}

	/** Issues the audit report: every item has a result. */
	@PreAuthorize("isAuthenticated()")
	public AuditView issueReport(UUID id) {
		Audit audit = load(id);
		if (!CurrentUser.username().equals(audit.leadAuditor())) {
			throw new AccessDeniedException("only the lead auditor issues the report of audit '" + audit.title() + "'");
		}
		audit.issueReport(CurrentUser.actor());
		return view(audits.save(audit), false);
	}

	/** The audit report as PDF (marked as a draft until it is issued). */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public void report(UUID id, OutputStream out) {
		AuditView view = get(id, true);
		AuditReport.render(view, nonconformities.summaries(view.items().stream().map(AuditItemView::nonconformityId)
			.filter(java.util.Objects::nonNull).toList()), out);
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public AuditView get(UUID id, boolean withLinks) {
		return view(load(id), withLinks);
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Page<AuditView> list(UUID programmeId, AuditStatus status, String auditor, String q, PageRequest request) {
		Page<Audit> page = AUDITS.page(jdbc, batch, Audit.class, Audit::id, where(programmeId, status, auditor, q), request);
		Map<UUID, String> titles = new HashMap<>();
		programmes.findAllById(page.items().stream().map(Audit::programmeId).distinct().toList()).forEach(p -> titles.put(p.id(), p.title()));
		return page.map(a -> view(a, List.of(), titles.get(a.programmeId()), List.of()));
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Table exportTable(UUID programmeId, AuditStatus status, String auditor, String q, int batchRows) {
		return Listing.table("audits", "Internal audits", List.of("id", "programme", "title", "planned_start", "planned_end", "audited_from",
				"audited_to", "scope", "lead_auditor", "team", "status", "items", "items_open", "nonconformities", "report_issued_at"),
				AUDITS.count(jdbc, where(programmeId, status, auditor, q)), batchRows, r -> list(programmeId, status, auditor, q, r),
				a -> Arrays.asList(a.id(), a.programmeTitle(), a.title(), a.plannedStart(), a.plannedEnd(), a.auditedFrom(), a.auditedTo(),
						String.join(" ", a.clauses()) + " " + String.join(" ", a.controls()), a.leadAuditor(), String.join(";", a.team()),
						a.status(), a.items().size(), a.open(),
						a.results().getOrDefault(AuditResult.MINOR_NONCONFORMITY, 0L) + a.results().getOrDefault(AuditResult.MAJOR_NONCONFORMITY, 0L),
						a.reportIssuedAt()));
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<HistoryEntry> history(UUID id) {
		load(id);
		return ledger.history(Audit.SUBJECT, id.toString());
	}

	/** Whether the signed-in user may record results on the audit (for the page's controls). */
	public boolean mayWork(AuditView audit) {
		return audit.status() == AuditStatus.IN_PROGRESS && (audit.leadAuditor().equals(CurrentUser.username())
				|| audit.team().contains(CurrentUser.username()));
	}

	public boolean mayLead(AuditView audit) {
		return audit.leadAuditor().equals(CurrentUser.username()) || CurrentUser.hasAnyRole(Role.ADMIN, Role.AIMS_MANAGER);
	}

	public boolean mayPlan() {
		return CurrentUser.hasAnyRole(PLANNERS);
	}

	private static SqlWhere where(UUID programmeId, AuditStatus status, String auditor, String q) {
		SqlWhere where = new SqlWhere().and("a.programme_id = :programme", "programme", programmeId)
			.and("a.status = :status", "status", status == null ? null : status.name());
		if (auditor != null && !auditor.isBlank()) {
			where.and("(a.lead_auditor = :auditor OR " + SqlWhere.listHas("a.team", "auditorItem") + ")", "auditor", auditor.strip());
			where.param("auditorItem", SqlWhere.listItemPattern(auditor.strip()));
		}
		return where.containsText("q", q, "a.title", "COALESCE(a.scope_clauses, '')", "COALESCE(a.scope_controls, '')");
	}

	private void requireIndependent(Audit audit, int index, AuditItem item, String auditor) {
		List<String> conflicts = independence.conflicts(audit, item, auditor);
		if (conflicts.isEmpty()) {
			return;
		}
		boolean excepted = exceptions.findByAudit(audit.id()).stream()
			.anyMatch(e -> e.itemIndex() == index && e.auditor().equals(auditor) && e.review().isApproved());
		if (!excepted) {
			throw new ConflictException(auditor + " is not independent of item " + (index + 1) + " (" + item.title() + "): "
					+ String.join("; ", conflicts) + ". Assign someone else, or ask for an independence exception");
		}
	}

	private void check(AuditDetails d) {
		List<FieldProblem> problems = new ArrayList<>();
		if (!programmes.existsById(d.programmeId())) {
			problems.add(new FieldProblem("programmeId", "no audit programme has id " + d.programmeId()));
		}
		if (d.plannedEnd().isBefore(d.plannedStart())) {
			problems.add(new FieldProblem("plannedEnd", "must not be before plannedStart"));
		}
		if (d.auditedTo().isBefore(d.auditedFrom())) {
			problems.add(new FieldProblem("auditedTo", "must not be before auditedFrom"));
		}
		List<String> auditors = new ArrayList<>();
		auditors.add(d.leadAuditor().strip());
		if (d.team() != null) {
			d.team().stream().filter(t -> t != null && !t.isBlank()).map(String::strip).forEach(auditors::add);
		}
		for (int i = 0; i < auditors.size(); i++) {
			String name = auditors.get(i);
			UserView user = users.find(name).filter(u -> users.isActive(name)).orElse(null);
			String field = i == 0 ? "leadAuditor" : "team";
			if (user == null) {
				problems.add(new FieldProblem(field, "no active user is named '" + name + "'"));
			}
			else if (user.roles().stream().noneMatch(r -> Set.of(AUDITOR_ROLES).contains(r))) {
				problems.add(new FieldProblem(field, name + " holds none of the roles " + Arrays.toString(AUDITOR_ROLES) + " that audit"));
			}
		}
		if (d.aiSystemIds() != null && !d.aiSystemIds().isEmpty()) {
			Set<UUID> known = systems.names(d.aiSystemIds()).keySet();
			d.aiSystemIds().stream().filter(s -> !known.contains(s))
				.forEach(s -> problems.add(new FieldProblem("aiSystemIds", "no AI system has id " + s)));
		}
		problems.addAll(checklists.unknown(d.clauses(), d.controls()));
		if (d.processes() != null && d.processes().stream().anyMatch(p -> p != null && p.length() > 200)) {
			problems.add(new FieldProblem("processes", "a process name is at most 200 characters"));
		}
		InvalidInputException.throwIfAny(problems);
	}

	private static void checkPeriod(LocalDate start, LocalDate end, String field) {
		if (end.isBefore(start)) {
			throw new InvalidInputException(field, "must not be before the period's start");
		}
	}

	Audit load(UUID id) {
		return audits.findById(id).orElseThrow(() -> new NotFoundException("audit", id));
	}

	private Audit loadForLead(UUID id) {
		Audit audit = load(id);
		if (!CurrentUser.hasAnyRole(Role.ADMIN, Role.AIMS_MANAGER) && !audit.leadAuditor().equals(CurrentUser.username())) {
			throw new AccessDeniedException("only the lead auditor of '" + audit.title() + "' or an AIMS manager may do this");
		}
		return audit;
	}

	private AuditView view(Audit a, boolean withLinks) {
		List<AuditItemView> items = checklists.views(a, a.items(), 0, withLinks);
		List<AuditView.ExceptionView> excepts = exceptions.findByAudit(a.id()).stream().map(IndependenceException::view).toList();
		return view(a, items, programme(a.programmeId()).title(), excepts);
	}

	private static AuditView view(Audit a, List<AuditItemView> items, String programmeTitle, List<AuditView.ExceptionView> exceptions) {
		Map<AuditResult, Long> results = new EnumMap<>(AuditResult.class);
		a.items().stream().filter(i -> i.result() != null).forEach(i -> results.merge(i.result(), 1L, Long::sum));
		long open = a.items().stream().filter(i -> i.result() == null).count();
		return new AuditView(a.id(), a.programmeId(), programmeTitle, a.title(), a.plannedStart(), a.plannedEnd(), a.auditedFrom(),
				a.auditedTo(), a.clauses(), a.controls(), a.aiSystemIds(), a.processes(), a.criteria(), a.method(), a.leadAuditor(), a.team(),
				a.status(), a.followUpOf(), a.reportIssuedAt(), a.reportIssuedBy(), items, results, open, exceptions, a.createdAt(),
				a.createdBy(), a.version());
	}
}
