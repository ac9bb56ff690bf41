package org.openaims.lifecycle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.openaims.common.ConflictException;
import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.SortOptions;
import org.openaims.common.SqlWhere;
import org.openaims.common.Stamp;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.inventory.AiSystemService;
import org.openaims.ledger.HistoryEntry;
import org.openaims.ledger.Ledger;
import org.openaims.lifecycle.internal.ChangeTicket;
import org.openaims.lifecycle.internal.GateDecisionStore;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Deployments and rollbacks (A.6.2.5, A.6.2.6): which version went into which environment, on the
 * strength of which gate decision. A deployment without an {@code ALLOW} is still recorded — what
 * happened is recorded — and raises {@link DeployedWithoutAllow}. A rollback follows a change's
 * rollback plan and returns the environment to an earlier version. Per system, the timeline says which
 * version ran where when. Records are never changed.
 */
@Service
@Validated
@Transactional
public class DeploymentService {

	/** The ledger's subject type for deployments. */
	public static final String SUBJECT = "deployment";

	static final Role[] RECORDERS = { Role.ADMIN, Role.AIMS_MANAGER, Role.SYSTEM_OWNER, Role.CONTRIBUTOR };

	private static final SortOptions<DeploymentView> SORTS = SortOptions.<DeploymentView>by("d.id", DeploymentView::id, "-deployed")
		.time("deployed", "d.deployed_at", DeploymentView::deployedAt);

	private static final String COLUMNS = "d.id, d.ai_system_id, d.system_version, d.environment, d.kind, d.change_id, d.gate_decision_id,"
			+ " d.gate_verdict, d.rollback_of, d.note, d.deployed_at, d.recorded_at, d.recorded_by";

	private final JdbcClient jdbc;

	private final ChangeService changes;

	private final GateDecisionStore decisions;

	private final AiSystemService systems;

	private final Ledger ledger;

	private final ApplicationEventPublisher events;

	DeploymentService(JdbcClient jdbc, ChangeService changes, GateDecisionStore decisions, AiSystemService systems, Ledger ledger,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.changes = changes;
		this.decisions = decisions;
		this.systems = systems;
		this.ledger = ledger;
		this.events = events;
	}

	@PreAuthorize("isAuthenticated()")
	public DeploymentView record(@Valid DeploymentDetails d) {
		requireRecorder();
		String name = name(d.aiSystemId());
		String version = d.version().strip();
		GateDecisionStore.Row decision = null;
		if (d.gateDecisionId() != null) {
			decision = decisions.find(d.gateDecisionId())
				.orElseThrow(() -> new InvalidInputException("gateDecisionId", "no gate decision has id " + d.gateDecisionId()));
			if (!decision.aiSystemId().equals(d.aiSystemId()) || !decision.systemVersion().equals(version)) {
				throw new InvalidInputException("gateDecisionId", "gate decision " + decision.id() + " is about version " + decision.systemVersion()
						+ " of another system or version, not " + version + " of " + name);
			}
			if (d.changeId() != null && !decision.changeId().equals(d.changeId())) {
				throw new InvalidInputException("gateDecisionId", "gate decision " + decision.id() + " is about another change");
			}
		}
		UUID changeId = d.changeId() != null ? d.changeId() : decision == null ? null : decision.changeId();
		if (changeId != null) {
			ChangeTicket change = changes.load(changeId);
			if (!change.aiSystemId().equals(d.aiSystemId()) || !change.toVersion().equals(version)) {
				throw new InvalidInputException("changeId", "change " + changeId + " introduces version " + change.toVersion()
						+ (change.aiSystemId().equals(d.aiSystemId()) ? "" : " of another system") + ", not " + version);
			}
		}
		Instant at = at(d.deployedAt());
		GateVerdict verdict = decision == null ? null : decision.verdict();
		UUID id = insert(d.aiSystemId(), version, d.environment(), DeploymentKind.DEPLOYMENT, changeId, d.gateDecisionId(), verdict, null, d.note(), at);
		if (changeId != null) {
			changes.moved(changeId, ChangeStatus.DEPLOYED, "deployed to " + d.environment());
		}
		Stamp stamp = Stamp.of(CurrentUser.actor());
		events.publishEvent(new DeploymentRecorded(id, d.aiSystemId(), version, d.environment(), DeploymentKind.DEPLOYMENT, changeId,
				d.gateDecisionId(), verdict, null, blank(d.note()), stamp));
		if (verdict != GateVerdict.ALLOW) {
			events.publishEvent(new DeployedWithoutAllow(id, d.aiSystemId(), version, d.environment(), changeId, d.gateDecisionId(), verdict,
					Stamp.of(CurrentUser.actor())));
		}
		return get(id);
	}

	@PreAuthorize("isAuthenticated()")
	public DeploymentView rollback(@Valid RollbackDetails d) {
		requireRecorder();
		ChangeTicket change = changes.load(d.changeId());
		if (!change.rollbackPlan().complete()) {
			throw new ConflictException("change '" + change.title() + "' has no complete rollback plan to follow (steps, triggers, owner)");
		}
		List<DeploymentView> history = jdbc.sql("SELECT " + COLUMNS + " FROM deployments d WHERE d.ai_system_id = :system AND d.environment = :env"
				+ " ORDER BY d.deployed_at DESC, d.recorded_at DESC LIMIT 200")
			.param("system", change.aiSystemId()).param("env", d.environment())
			.query(DeploymentService::row).list();
		if (history.isEmpty() || !history.get(0).version().equals(change.toVersion())) {
			throw new ConflictException("version " + change.toVersion() + " is not what runs in " + d.environment()
					+ (history.isEmpty() ? " (nothing was deployed there)" : " (" + history.get(0).version() + " is)"));
		}
		DeploymentView current = history.get(0);
		String target = d.toVersion() != null && !d.toVersion().isBlank() ? d.toVersion().strip()
				: history.stream().map(DeploymentView::version).filter(v -> !v.equals(change.toVersion())).findFirst()
					.orElse(change.fromVersion());
		if (target == null) {
			throw new InvalidInputException("toVersion", "say which version " + d.environment() + " returns to (nothing ran there before "
					+ change.toVersion() + ")");
		}
		Instant at = at(d.deployedAt());
		UUID id = insert(change.aiSystemId(), target, d.environment(), DeploymentKind.ROLLBACK, change.id(), null, null, current.id(),
				d.reason(), at);
		changes.moved(change.id(), ChangeStatus.ROLLED_BACK, "rolled back in " + d.environment() + ": " + d.reason().strip());
		events.publishEvent(new DeploymentRecorded(id, change.aiSystemId(), target, d.environment(), DeploymentKind.ROLLBACK, change.id(), null,
				null, current.id(), d.reason().strip(), Stamp.of(CurrentUser.actor())));
		return get(id);
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public DeploymentView get(UUID id) {
		DeploymentView v = jdbc.sql("SELECT " + COLUMNS + " FROM deployments d WHERE d.id = :id").param("id", id)
			.query(DeploymentService::row).optional().orElseThrow(() -> new NotFoundException("deployment", id));
		return named(List.of(v)).get(0);
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Page<DeploymentView> list(UUID aiSystemId, String environment, DeploymentKind kind, Boolean withoutAllow, PageRequest request) {
		SqlWhere where = where(aiSystemId, environment, kind, withoutAllow);
		SortOptions<DeploymentView>.Sorting sorting = SORTS.apply(request, where);
		Page<DeploymentView> page = sorting.page(jdbc.sql("SELECT " + COLUMNS + " FROM deployments d" + where.sql() + sorting.orderByAndLimit())
			.params(where.params()).query(DeploymentService::row).list());
		return new Page<>(named(page.items()), page.next());
	}

	/** Which version ran in each environment of a system when (at most the newest 2,000 records). */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public DeploymentTimeline timeline(UUID aiSystemId, String environment) {
		String name = name(aiSystemId);
		SqlWhere where = new SqlWhere().and("d.ai_system_id = :system", "system", aiSystemId).and("d.environment = :env", "env", blank(environment));
		List<DeploymentView> rows = new ArrayList<>(jdbc.sql("SELECT " + COLUMNS + " FROM deployments d" + where.sql()
				+ " ORDER BY d.deployed_at DESC, d.recorded_at DESC LIMIT 2000")
			.params(where.params()).query(DeploymentService::row).list());
		java.util.Collections.reverse(rows);
		Map<String, DeploymentView> open = new HashMap<>();
		List<DeploymentTimeline.Period> periods = new ArrayList<>();
		Map<UUID, Integer> index = new HashMap<>();
		for (DeploymentView r : rows) {
			DeploymentView before = open.put(r.environment(), r);
			if (before != null) {
				int i = index.get(before.id());
				DeploymentTimeline.Period p = periods.get(i);
				periods.set(i, new DeploymentTimeline.Period(p.environment(), p.version(), p.from(), r.deployedAt(), p.deploymentId(), p.kind(),
						p.withoutAllow()));
			}
			index.put(r.id(), periods.size());
			periods.add(new DeploymentTimeline.Period(r.environment(), r.version(), r.deployedAt(), null, r.id(), r.kind(), r.withoutAllow()));
		}
		return new DeploymentTimeline(aiSystemId, name, periods);
	}

	private static SqlWhere where(UUID aiSystemId, String environment, DeploymentKind kind, Boolean withoutAllow) {
		SqlWhere where = new SqlWhere().and("d.ai_system_id = :system", "system", aiSystemId)
			.and("d.environment = :env", "env", blank(environment))
			.and("d.kind = :kind", "kind", kind == null ? null : kind.name());
		if (withoutAllow != null) {
			where.and(withoutAllow ? "d.kind = 'DEPLOYMENT' AND (d.gate_verdict IS NULL OR d.gate_verdict <> 'ALLOW')"
					: "(d.kind = 'ROLLBACK' OR d.gate_verdict = 'ALLOW')");
		}
		return where;
	}

	/** The list (same filters) for an export, read a page at a time. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public org.openaims.reporting.Table exportTable(UUID aiSystemId, String environment, DeploymentKind kind, Boolean withoutAllow, int batchRows) {
		List<String> header = List.of("id", "ai_system", "version", "environment", "kind", "change", "gate_decision", "gate_verdict", "without_allow",
				"rollback_of", "note", "deployed_at", "recorded_at", "recorded_by");
		int size = Math.min(batchRows, PageRequest.MAX_LIMIT);
		SqlWhere where = where(aiSystemId, environment, kind, withoutAllow);
		long total = jdbc.sql("SELECT COUNT(*) FROM deployments d" + where.sql()).params(where.params()).query(Long.class).single();
		return new org.openaims.reporting.Table("deployments", "Deployments — " + total + " — generated " + java.time.LocalDate.now(), header, total,
				writer -> {
			PageRequest request = new PageRequest(size, null, null);
			while (request != null) {
				Page<DeploymentView> page = list(aiSystemId, environment, kind, withoutAllow, request);
				for (DeploymentView d : page.items()) {
					writer.row(java.util.Arrays.asList(d.id(), d.aiSystemName(), d.version(), d.environment(), d.kind(), d.changeId(), d.gateDecisionId(),
							d.gateVerdict(), d.withoutAllow(), d.rollbackOf(), d.note(), d.deployedAt(), d.recordedAt(), d.recordedBy()));
				}
				request = page.next() == null ? null : request.withAfter(page.next());
			}
		});
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<HistoryEntry> history(UUID id) {
		get(id);
		return ledger.history(SUBJECT, id.toString());
	}

	public boolean mayRecord() {
		return CurrentUser.hasAnyRole(RECORDERS);
	}

	private UUID insert(UUID system, String version, String environment, DeploymentKind kind, UUID changeId, UUID decisionId, GateVerdict verdict,
			UUID rollbackOf, String note, Instant at) {
		UUID id = UUID.randomUUID();
		jdbc.sql("INSERT INTO deployments (id, ai_system_id, system_version, environment, kind, change_id, gate_decision_id, gate_verdict,"
				+ " rollback_of, note, deployed_at, recorded_at, recorded_by) VALUES (:id, :system, :version, :env, :kind, :change, :decision,"
				+ " :verdict, :rollbackOf, :note, :at, :recordedAt, :by)")
			.param("id", id).param("system", system).param("version", version).param("env", environment).param("kind", kind.name())
			.param("change", changeId).param("decision", decisionId).param("verdict", verdict == null ? null : verdict.name())
			.param("rollbackOf", rollbackOf).param("note", blank(note)).param("at", Timestamp.from(at))
			.param("recordedAt", Timestamp.from(Instant.now())).param("by", CurrentUser.username())
			.update();
		return id;
	}

	private static Instant at(Instant given) {
		Instant now = Instant.now();
		if (given == null) {
			return now.truncatedTo(ChronoUnit.MICROS);
		}
		if (given.isAfter(now.plusSeconds(300))) {
			throw new InvalidInputException("deployedAt", "cannot be in the future");
		}
		if (given.isBefore(Instant.parse("1990-01-01T00:00:00Z"))) {
			throw new InvalidInputException("deployedAt", "is too far in the past");
		}
		return given.truncatedTo(ChronoUnit.MICROS);
	}

	private String name(UUID aiSystemId) {
		String name = systems.names(List.of(aiSystemId)).get(aiSystemId);
		if (name == null) {
			throw new InvalidInputException("aiSystemId", "no AI system has id " + aiSystemId);
		}
		return name;
	}

	private List<DeploymentView> named(List<DeploymentView> rows) {
		Map<UUID, String> names = systems.names(rows.stream().map(DeploymentView::aiSystemId).collect(Collectors.toSet()));
		return rows.stream().map(r -> new DeploymentView(r.id(), r.aiSystemId(), names.get(r.aiSystemId()), r.version(), r.environment(), r.kind(),
				r.changeId(), r.gateDecisionId(), r.gateVerdict(), r.withoutAllow(), r.rollbackOf(), r.note(), r.deployedAt(), r.recordedAt(),
				r.recordedBy())).toList();
	}

	private static DeploymentView row(ResultSet rs, int n) throws SQLException {
		DeploymentKind kind = DeploymentKind.valueOf(rs.getString(5));
		GateVerdict verdict = rs.getString(8) == null ? null : GateVerdict.valueOf(rs.getString(8));
		return new DeploymentView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), null, rs.getString(3), rs.getString(4), kind,
				rs.getObject(6, UUID.class), rs.getObject(7, UUID.class), verdict, kind == DeploymentKind.DEPLOYMENT && verdict != GateVerdict.ALLOW,
				rs.getObject(9, UUID.class), rs.getString(10), rs.getTimestamp(11).toInstant(), rs.getTimestamp(12).toInstant(), rs.getString(13));
	}

	private void requireRecorder() {
		CurrentUser.requireAnyRole("only administrators, AIMS managers, system owners and contributors record deployments", RECORDERS);
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
