package org.openaims.lifecycle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.openaims.approvals.ApprovalService;
import org.openaims.approvals.ApprovalView;
import org.openaims.common.AggregateBatch;
import org.openaims.common.ConflictException;
import org.openaims.common.FieldProblem;
import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.SortOptions;
import org.openaims.common.SqlWhere;
import org.openaims.evidence.EvidenceService;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.identity.UserDirectory;
import org.openaims.inventory.AiSystemService;
import org.openaims.inventory.AiSystemView;
import org.openaims.inventory.NewSystemVersion;
import org.openaims.ledger.HistoryEntry;
import org.openaims.ledger.Ledger;
import org.openaims.lifecycle.internal.ChangeTicket;
import org.openaims.lifecycle.internal.ChangeTickets;
import org.openaims.lifecycle.internal.GateDecisionStore;
import org.openaims.lifecycle.internal.TestRunStore;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Change tickets (8.1, A.6.2.5): an AI system's change from one version to the next, with the test
 * runs that show it works and its rollback plan, approved through the approvals module — never by
 * its authors. Opening one registers the version it introduces with the change's significance, so
 * only a significant change flags the system's risks and impact assessment. Administrators, AIMS
 * managers, the system's owner and contributors open changes; who opened one, its system's owner and
 * AIMS managers edit it while it is open.
 */
@Service
@Validated
@Transactional
public class ChangeService {

	/** The ledger's subject type for change tickets (their gate decisions are recorded under it too). */
	public static final String SUBJECT = "change";

	static final Role[] OPENERS = { Role.ADMIN, Role.AIMS_MANAGER, Role.SYSTEM_OWNER, Role.CONTRIBUTOR };

	private static final SortOptions<Row> SORTS = SortOptions.<Row>by("c.id", Row::id, "-opened")
		.time("opened", "c.opened_at", Row::openedAt)
		.text("title", "c.title", Row::title);

	private record Row(UUID id, java.time.Instant openedAt, String title) {
	}

	private final ChangeTickets changes;

	private final TestRunStore runs;

	private final GateDecisionStore decisions;

	private final AiSystemService systems;

	private final UserDirectory users;

	private final EvidenceService evidence;

	private final ApprovalService approvals;

	private final Ledger ledger;

	private final AggregateBatch batch;

	private final JdbcClient jdbc;

	ChangeService(ChangeTickets changes, TestRunStore runs, GateDecisionStore decisions, AiSystemService systems, UserDirectory users,
			EvidenceService evidence, ApprovalService approvals, Ledger ledger, AggregateBatch batch, JdbcClient jdbc) {
		this.changes = changes;
		this.runs = runs;
		this.decisions = decisions;
		this.systems = systems;
		this.users = users;
		this.evidence = evidence;
		this.approvals = approvals;
		this.ledger = ledger;
		this.batch = batch;
		this.jdbc = jdbc;
	}

	@PreAuthorize("isAuthenticated()")
	public ChangeView open(@Valid ChangeDetails details) {
		CurrentUser.requireAnyRole("only administrators, AIMS managers, system owners and contributors open changes", OPENERS);
		AiSystemView system = system(details.aiSystemId());
		if (system.retired()) {
			throw new ConflictException(system.name() + " is retired");
		}
		if (CurrentUser.hasAnyRole(Role.SYSTEM_OWNER) && !CurrentUser.hasAnyRole(Role.ADMIN, Role.AIMS_MANAGER, Role.CONTRIBUTOR)
				&& !system.owner().equals(CurrentUser.username())) {
			throw new AccessDeniedException("only the owner of " + system.name() + " opens its changes");
		}
		String owner = check(details, system);
		ChangeTicket change = ChangeTicket.open(details, owner, CurrentUser.actor());
		systems.introduceVersion(system.id(), new NewSystemVersion(change.toVersion(), null,
				"Introduced by change '" + change.title() + "'", details.significance()));
		return view(changes.save(change));
	}

	@PreAuthorize("isAuthenticated()")
	public ChangeView change(UUID id, @Valid ChangeDetails details) {
		ChangeTicket change = loadForChange(id);
		if (details.version() != null && details.version() != change.version()) {
			throw new ConflictException("the change was edited meanwhile (version " + change.version() + ", not " + details.version() + "); reload it");
		}
		String owner = check(details, system(change.aiSystemId()));
		if (change.change(details, owner, CurrentUser.actor())) {
			approvals.contentChanged(change.reviewRef(), "the change ticket was edited");
		}
		return view(changes.save(change));
	}

	/** Submits the change for approval. */
	@PreAuthorize("isAuthenticated()")
	public ChangeView submit(UUID id, LocalDate due, String note) {
		ChangeTicket change = loadForChange(id);
		if (change.status() != ChangeStatus.OPEN) {
			throw new ConflictException("only an open change is submitted");
		}
		approvals.submit(change.reviewRef(), due == null ? LocalDate.now().plusDays(7) : due, note == null || note.isBlank() ? change.title() : note);
		return get(id);
	}

	@PreAuthorize("isAuthenticated()")
	public ChangeView cancel(UUID id, String reason) {
		ChangeTicket change = loadForChange(id);
		if (change.status() != ChangeStatus.OPEN) {
			throw new ConflictException("only an open change is cancelled");
		}
		if (reason == null || reason.isBlank() || reason.length() > 500) {
			throw new InvalidInputException("reason", "say why the change is cancelled (at most 500 characters)");
		}
		change.moveTo(ChangeStatus.CANCELLED, reason.strip(), CurrentUser.actor());
		if (change.review().isSubmitted()) {
			approvals.contentChanged(change.reviewRef(), "the change was cancelled");
		}
		return view(changes.save(change));
	}

	/** A deployment or rollback moved the change (the deployments service calls this). */
	void moved(UUID id, ChangeStatus status, String reason) {
		ChangeTicket change = changes.findById(id).orElseThrow(() -> new NotFoundException("change", id));
		if (change.status() != ChangeStatus.CANCELLED) {
			change.moveTo(status, reason, CurrentUser.actor());
			changes.save(change);
		}
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public ChangeView get(UUID id) {
		return view(load(id));
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Page<ChangeView> list(ChangeFilter filter, PageRequest request) {
		SqlWhere where = where(filter);
		SortOptions<Row>.Sorting sorting = SORTS.apply(request, where);
		Page<Row> page = sorting.page(jdbc.sql("SELECT c.id, c.opened_at, c.title FROM change_tickets c" + where.sql() + sorting.orderByAndLimit())
			.params(where.params())
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), rs.getString(3)))
			.list());
		List<UUID> ids = page.items().stream().map(Row::id).toList();
		Map<UUID, ChangeTicket> loaded = batch.findAllById(ChangeTicket.class, ids).stream()
			.collect(Collectors.toMap(ChangeTicket::id, c -> c));
		return new Page<>(views(ids.stream().map(loaded::get).toList()), page.next());
	}

	private static SqlWhere where(ChangeFilter filter) {
		return new SqlWhere().and("c.ai_system_id = :system", "system", filter.aiSystemId())
			.and("c.status = :status", "status", filter.status() == null ? null : filter.status().name())
			.and("c.change_type = :type", "type", filter.type() == null ? null : filter.type().name())
			.containsText("q", filter.q(), "c.title", "c.to_version", "COALESCE(c.description, '')");
	}

	/** The list (same filters) for an export, read a page at a time. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public org.openaims.reporting.Table exportTable(ChangeFilter filter, int batchRows) {
		List<String> header = List.of("id", "ai_system", "from_version", "to_version", "type", "title", "significance", "status", "approval",
				"rollback_owner", "rollback_tested_on", "test_runs", "latest_gate_verdict", "latest_gate_decided_at", "opened_at", "opened_by");
		int size = Math.min(batchRows, PageRequest.MAX_LIMIT);
		SqlWhere where = where(filter);
		long total = jdbc.sql("SELECT COUNT(*) FROM change_tickets c" + where.sql()).params(where.params()).query(Long.class).single();
		return new org.openaims.reporting.Table("changes", "Change tickets — " + total + " — generated " + LocalDate.now(), header, total,
				writer -> {
			PageRequest request = new PageRequest(size, null, null);
			while (request != null) {
				Page<ChangeView> page = list(filter, request);
				for (ChangeView c : page.items()) {
					writer.row(java.util.Arrays.asList(c.id(), c.aiSystemName(), c.fromVersion(), c.toVersion(), c.type(), c.title(), c.significance(),
							c.status(), c.reviewStatus(), c.rollbackPlan().owner(), c.rollbackPlan().testedOn(),
							c.testRuns().stream().map(r -> r.id().toString()).collect(Collectors.joining(";")),
							c.latestDecision() == null ? null : c.latestDecision().verdict(), c.latestDecision() == null ? null : c.latestDecision().decidedAt(),
							c.openedAt(), c.openedBy()));
				}
				request = page.next() == null ? null : request.withAfter(page.next());
			}
		});
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<HistoryEntry> history(UUID id) {
		load(id);
		return ledger.history(SUBJECT, id.toString());
	}

	/** Whether the signed-in user may edit, submit or cancel this change (for buttons). */
	@Transactional(readOnly = true)
	public boolean mayChange(ChangeView change) {
		if (change.status() != ChangeStatus.OPEN) {
			return false;
		}
		String me = CurrentUser.username();
		return CurrentUser.hasAnyRole(Role.ADMIN, Role.AIMS_MANAGER) || change.openedBy().equals(me)
				|| systems.get(change.aiSystemId()).owner().equals(me);
	}

	public boolean mayOpen() {
		return CurrentUser.hasAnyRole(OPENERS);
	}

	ChangeTicket load(UUID id) {
		return changes.findById(id).orElseThrow(() -> new NotFoundException("change", id));
	}

	private ChangeTicket loadForChange(UUID id) {
		ChangeTicket change = load(id);
		String me = CurrentUser.username();
		if (!CurrentUser.hasAnyRole(Role.ADMIN, Role.AIMS_MANAGER) && !change.openedBy().equals(me)
				&& !systems.get(change.aiSystemId()).owner().equals(me)) {
			throw new AccessDeniedException("only who opened change '" + change.title() + "', the system's owner or an AIMS manager may change it");
		}
		return change;
	}

	/** Checks what spans fields and records; returns the rollback plan's owner. */
	private String check(ChangeDetails d, AiSystemView system) {
		List<FieldProblem> problems = new ArrayList<>();
		if (d.fromVersion() != null && !d.fromVersion().isBlank() && d.fromVersion().strip().equals(d.toVersion().strip())) {
			problems.add(new FieldProblem("toVersion", "must differ from the version the change starts from"));
		}
		String owner = d.rollbackPlan() == null || d.rollbackPlan().owner() == null || d.rollbackPlan().owner().isBlank() ? null
				: d.rollbackPlan().owner().strip();
		if (owner != null && !users.isActive(owner)) {
			problems.add(new FieldProblem("rollbackPlan.owner", "no active user is named '" + owner + "'"));
		}
		if (d.rollbackPlan() != null && d.rollbackPlan().tested() && d.rollbackPlan().testedOn() == null) {
			problems.add(new FieldProblem("rollbackPlan.testedOn", "a tested plan says when it was tested"));
		}
		if (d.rollbackPlan() != null && !d.rollbackPlan().tested() && d.rollbackPlan().testedOn() != null) {
			problems.add(new FieldProblem("rollbackPlan.tested", "a plan with a test date was tested"));
		}
		if (d.rollbackPlan() != null && d.rollbackPlan().evidenceId() != null
				&& evidence.summaries(List.of(d.rollbackPlan().evidenceId())).isEmpty()) {
			problems.add(new FieldProblem("rollbackPlan.evidenceId", "no evidence item has id " + d.rollbackPlan().evidenceId()));
		}
		if (d.testRunIds() != null && !d.testRunIds().isEmpty()) {
			Set<UUID> wanted = new HashSet<>(d.testRunIds());
			Map<UUID, TestRunStore.Row> found = runs.find(wanted).stream().collect(Collectors.toMap(TestRunStore.Row::id, r -> r));
			wanted.stream().sorted().forEach(r -> {
				TestRunStore.Row run = found.get(r);
				if (run == null) {
					problems.add(new FieldProblem("testRunIds", "no test run has id " + r));
				}
				else if (!run.aiSystemId().equals(system.id())) {
					problems.add(new FieldProblem("testRunIds", "test run " + r + " is of another AI system"));
				}
			});
		}
		InvalidInputException.throwIfAny(problems);
		return owner;
	}

	private AiSystemView system(UUID id) {
		if (systems.names(List.of(id)).isEmpty()) {
			throw new InvalidInputException("aiSystemId", "no AI system has id " + id);
		}
		return systems.get(id);
	}

	private ChangeView view(ChangeTicket c) {
		return views(List.of(c)).get(0);
	}

	private List<ChangeView> views(List<ChangeTicket> list) {
		if (list.isEmpty()) {
			return List.of();
		}
		Set<UUID> runIds = list.stream().flatMap(c -> c.testRunIds().stream()).collect(Collectors.toSet());
		Map<UUID, TestRunStore.Row> found = runs.find(runIds).stream().collect(Collectors.toMap(TestRunStore.Row::id, r -> r));
		Map<UUID, String> names = systems.names(list.stream().map(ChangeTicket::aiSystemId).collect(Collectors.toSet()));
		Map<UUID, GateDecisionStore.Row> latest = decisions.latest(list.stream().map(ChangeTicket::id).toList());
		Map<ChangeId, ApprovalView> requests = approvals.latest(ChangeId.REVIEW, list.stream().map(c -> new ChangeId(c.id())).toList());
		return list.stream().map(c -> {
			List<ChangeView.TestRunRef> refs = c.testRunIds().stream().map(found::get).filter(r -> r != null)
				.map(r -> new ChangeView.TestRunRef(r.id(), r.systemVersion(), r.summary().tests(), r.summary().failures(), r.summary().errors(),
						r.createdAt()))
				.toList();
			GateDecisionStore.Row d = latest.get(c.id());
			ApprovalView request = requests.get(new ChangeId(c.id()));
			return new ChangeView(c.id(), c.aiSystemId(), names.get(c.aiSystemId()), c.fromVersion(), c.toVersion(), c.changeType(), c.title(),
					c.description(), c.significance(), c.status(), refs, c.rollbackPlan(), c.review().status(),
					request == null ? null : request.id(), d == null ? null : new ChangeView.GateDecisionRef(d.id(), d.verdict(), d.decidedAt()),
					c.openedAt(), c.openedBy(), c.updatedAt(), c.updatedBy(), c.version());
		}).toList();
	}
}
