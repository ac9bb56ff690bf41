package org.openaims.governance;

import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.openaims.common.AggregateBatch;
import org.openaims.common.FieldProblem;
import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.csv.CsvFormat;
import org.openaims.governance.internal.Objective;
import org.openaims.governance.internal.ObjectiveQueries;
import org.openaims.governance.internal.Objectives;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.identity.UserDirectory;
import org.openaims.inventory.AiSystemService;
import org.openaims.ledger.HistoryEntry;
import org.openaims.ledger.Ledger;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * AI objectives (6.2): measurable, owned, dated, linked to the AI systems they concern, with progress
 * recorded over time. AIMS managers set objectives; their owners and AIMS managers change them and
 * record progress; everyone reads them.
 */
@Service
@Validated
@Transactional
public class ObjectiveService {

	/** The ledger's subject type for objectives. */
	public static final String SUBJECT = "objective";

	private final Objectives objectives;

	private final ObjectiveQueries queries;

	private final UserDirectory users;

	private final AiSystemService systems;

	private final Ledger ledger;

	private final AggregateBatch batch;

	ObjectiveService(Objectives objectives, ObjectiveQueries queries, UserDirectory users, AiSystemService systems, Ledger ledger,
			AggregateBatch batch) {
		this.batch = batch;
		this.objectives = objectives;
		this.queries = queries;
		this.users = users;
		this.systems = systems;
		this.ledger = ledger;
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'AIMS_MANAGER')")
	public ObjectiveView set(@Valid ObjectiveDetails details) {
		check(details);
		return view(objectives.save(Objective.set(details, CurrentUser.actor())));
	}

	@PreAuthorize("isAuthenticated()")
	public ObjectiveView change(UUID id, @Valid ObjectiveDetails details) {
		Objective objective = load(id);
		requireOwnerOrManager(objective);
		check(details);
		objective.change(details, CurrentUser.actor());
		return view(objectives.save(objective));
	}

	@PreAuthorize("isAuthenticated()")
	public ObjectiveView record(UUID id, @Valid ProgressUpdate update) {
		Objective objective = load(id);
		requireOwnerOrManager(objective);
		objective.record(update, CurrentUser.actor());
		return view(objectives.save(objective));
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public ObjectiveView get(UUID id) {
		return view(load(id));
	}

	/** Whether the signed-in user may change the objective (for buttons). */
	public boolean mayChange(ObjectiveView objective) {
		return CurrentUser.hasAnyRole(Role.ADMIN, Role.AIMS_MANAGER) || objective.owner().equals(CurrentUser.username());
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Page<ObjectiveView> list(ObjectiveFilter filter, PageRequest request) {
		Page<ObjectiveQueries.Row> rows = queries.page(filter, request);
		Map<UUID, Objective> loaded = batch.findAllById(Objective.class, rows.items().stream().map(ObjectiveQueries.Row::id).toList())
			.stream()
			.collect(Collectors.toMap(Objective::id, Function.identity()));
		Set<UUID> systemIds = new HashSet<>();
		loaded.values().forEach(o -> systemIds.addAll(o.systemIds()));
		Map<UUID, String> names = systems.names(systemIds);
		return rows.map(r -> loaded.get(r.id()).view(names));
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<HistoryEntry> history(UUID id) {
		load(id);
		return ledger.history(SUBJECT, id.toString());
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public void exportCsv(ObjectiveFilter filter, Writer out) {
		CsvFormat.RowPrinter printer = CsvFormat.printer(out, List.of("id", "title", "measure", "target", "owner", "due_date", "status", "overdue", "ai_systems",
				"latest_value", "latest_measured_on", "updated_at"));
		PageRequest request = new PageRequest(PageRequest.MAX_LIMIT, null, null);
		while (request != null) {
			Page<ObjectiveView> page = list(filter, request);
			page.items().forEach(o -> printer.row(Arrays.asList(o.id(), o.title(), o.measure(), o.target(), o.owner(), o.dueDate(),
					o.status(), o.overdue(), o.aiSystems().stream().map(ObjectiveView.SystemRef::name).collect(Collectors.joining(";")),
					o.latestValue(), o.progress().isEmpty() ? null : o.progress().get(o.progress().size() - 1).recordedOn(),
					o.updatedAt())));
			printer.flush();
			request = page.next() == null ? null : request.withAfter(page.next());
		}
		printer.flush();
	}

	private void check(ObjectiveDetails details) {
		List<FieldProblem> problems = new ArrayList<>();
		if (!users.isActive(details.owner().strip())) {
			problems.add(new FieldProblem("owner", "no active user is named '" + details.owner() + "'"));
		}
		if (details.aiSystemIds() != null && !details.aiSystemIds().isEmpty()) {
			Set<UUID> known = systems.names(details.aiSystemIds()).keySet();
			details.aiSystemIds().stream().filter(s -> !known.contains(s)).sorted().forEach(
					s -> problems.add(new FieldProblem("aiSystemIds", "no AI system has id " + s)));
		}
		InvalidInputException.throwIfAny(problems);
	}

	private ObjectiveView view(Objective objective) {
		return objective.view(systems.names(objective.systemIds()));
	}

	private void requireOwnerOrManager(Objective objective) {
		if (!CurrentUser.hasAnyRole(Role.ADMIN, Role.AIMS_MANAGER) && !objective.owner().equals(CurrentUser.username())) {
			throw new AccessDeniedException("only the owner of objective '" + objective.title() + "' or an AIMS manager may change it");
		}
	}

	private Objective load(UUID id) {
		return objectives.findById(id).orElseThrow(() -> new NotFoundException("objective", id));
	}
}
