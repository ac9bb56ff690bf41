package org.openaims.risk;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.openaims.catalog.CatalogService;
import org.openaims.catalog.FrameworkView;
import org.openaims.catalog.RequirementView;
import org.openaims.common.Actor;
import org.openaims.common.ConflictException;
import org.openaims.common.ExportFormat;
import org.openaims.common.FieldProblem;
import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.Stamp;
import org.openaims.governance.ApprovalClosed;
import org.openaims.governance.ApprovalCompleted;
import org.openaims.governance.ApprovalService;
import org.openaims.governance.ApprovalStatus;
import org.openaims.governance.ApprovalView;
import org.openaims.governance.NewApprovalRequest;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.identity.UserDirectory;
import org.openaims.inventory.AiSystemService;
import org.openaims.inventory.AiSystemVersionAdded;
import org.openaims.ledger.HistoryEntry;
import org.openaims.ledger.Ledger;
import org.openaims.risk.internal.AcceptanceItems;
import org.openaims.risk.internal.CriteriaRef;
import org.openaims.risk.internal.CriteriaVersion;
import org.openaims.risk.internal.Risk;
import org.openaims.risk.internal.RiskAction;
import org.openaims.risk.internal.RiskCategories;
import org.openaims.risk.internal.RiskExports;
import org.openaims.risk.internal.RiskQueries;
import org.openaims.risk.internal.Risks;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The AI risk register (6.1.2-6.1.3, 8.2-8.3): risks of AI systems and of the organization, assessed
 * on the risk criteria in force, treated with actions that implement controls (the Statement of
 * Applicability shows them as "selected by"), and their residual level accepted through an approval by
 * a role the criteria allow for that level, never by the risk's author. A new version of an AI system
 * flags its risks for reassessment. Owners, their authors, AIMS managers and administrators change a
 * risk; everyone signed in reads the register.
 */
@Service
@Validated
@Transactional
public class RiskService {

	/** The ledger's subject type for risks. */
	public static final String SUBJECT = "risk";

	private final Risks risks;

	private final RiskQueries queries;

	private final RiskCategories categories;

	private final RiskCriteriaService criteria;

	private final ApprovalService approvals;

	private final CatalogService catalog;

	private final AiSystemService systems;

	private final UserDirectory users;

	private final RiskExports exports;

	private final Ledger ledger;

	RiskService(Risks risks, RiskQueries queries, RiskCategories categories, RiskCriteriaService criteria, ApprovalService approvals,
			CatalogService catalog, AiSystemService systems, UserDirectory users, RiskExports exports, Ledger ledger) {
		this.risks = risks;
		this.queries = queries;
		this.categories = categories;
		this.criteria = criteria;
		this.approvals = approvals;
		this.catalog = catalog;
		this.systems = systems;
		this.users = users;
		this.exports = exports;
		this.ledger = ledger;
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<RiskCategory> categories() {
		return categories.all();
	}

	/** Adds a hazard category to the taxonomy (AIMS managers, administrators). */
	@PreAuthorize("hasAnyRole('ADMIN', 'AIMS_MANAGER')")
	public RiskCategory addCategory(@Valid RiskCategory category) {
		if (categories.find(category.key()).isPresent()) {
			throw new ConflictException("the category '" + category.key() + "' exists already");
		}
		categories.add(category, CurrentUser.actor());
		return categories.find(category.key()).orElseThrow();
	}

	/** Enters a risk in the register with its inherent scores on the criteria in force. */
	@PreAuthorize("hasAnyRole('ADMIN', 'AIMS_MANAGER', 'RISK_OWNER', 'SYSTEM_OWNER')")
	public RiskView identify(@Valid RiskDetails details) {
		check(details);
		CriteriaRef inForce = CriteriaRef.of(criteria.inForce());
		Risk risk = Risk.identify(queries.nextRefNo(), details, inForce, CurrentUser.actor());
		return view(risks.save(risk), true);
	}

	/** Changes what a risk is about; changed inherent scores are a reassessment on the criteria in force. */
	@PreAuthorize("isAuthenticated()")
	public RiskView change(UUID id, @Valid RiskDetails details) {
		Risk risk = loadForChange(id);
		if (details.version() != null && details.version() != risk.version()) {
			throw new ConflictException(risk.ref() + " was changed by someone else since you loaded it; reload and try again");
		}
		check(details);
		boolean voided = risk.change(details, CriteriaRef.of(criteria.inForce()), CurrentUser.actor());
		return saved(risk, voided);
	}

	/** Reassesses the inherent scores on the criteria in force (clears a pending reassessment). */
	@PreAuthorize("isAuthenticated()")
	public RiskView assess(UUID id, @Valid Scores scores) {
		Risk risk = loadForChange(id);
		boolean voided = risk.assess(scores, CriteriaRef.of(criteria.inForce()), CurrentUser.actor());
		return saved(risk, voided);
	}

	/** Sets the treatment plan: option, actions with the controls they implement, target scores. */
	@PreAuthorize("isAuthenticated()")
	public RiskView plan(UUID id, @Valid Treatment treatment) {
		Risk risk = loadForChange(id);
		List<FieldProblem> problems = new ArrayList<>();
		List<List<UUID>> controls = new ArrayList<>();
		List<ActionInput> actions = treatment.actions() == null ? List.of() : treatment.actions();
		for (int i = 0; i < actions.size(); i++) {
			ActionInput action = actions.get(i);
			if (!users.isActive(action.owner().strip())) {
				problems.add(new FieldProblem("actions[" + i + "].owner", "no active user is named '" + action.owner() + "'"));
			}
			controls.add(resolveControls(action.controls(), "actions[" + i + "].controls", problems));
		}
		InvalidInputException.throwIfAny(problems);
		boolean voided = risk.plan(treatment, controls, CriteriaRef.of(criteria.inForce()), CurrentUser.actor());
		return saved(risk, voided);
	}

	/** Records the residual scores the treatment reached, on the criteria in force. */
	@PreAuthorize("isAuthenticated()")
	public RiskView assessResidual(UUID id, @Valid Scores scores) {
		Risk risk = loadForChange(id);
		boolean voided = risk.assessResidual(scores, CriteriaRef.of(criteria.inForce()), CurrentUser.actor());
		return saved(risk, voided);
	}

	/**
	 * Asks for the residual risk to be accepted. The approval goes to the roles the criteria allow for
	 * the residual level; the risk's author and the requester may not decide it.
	 */
	@PreAuthorize("isAuthenticated()")
	public RiskView requestAcceptance(UUID id, @Valid AcceptanceRequest request) {
		Risk risk = loadForChange(id);
		if (risk.residualCriteriaId() == null) {
			throw new ConflictException(risk.ref() + " has no residual assessment yet; assess the residual risk before asking to accept it");
		}
		CriteriaDefinition scale = criteria.version(risk.residualCriteriaId()).definition();
		RiskLevel level = scale.byKey(risk.residualLevel());
		risk.requestAcceptance(request.rationale(), level, CurrentUser.actor());
		risks.save(risk);
		approvals.submit(new NewApprovalRequest(AcceptanceItems.TYPE, id.toString(), level.acceptedBy(), 1, risk.reviewDate(),
				"Residual level " + level.name() + ": " + request.rationale().strip()));
		return get(id);
	}

	/** Closes a risk that no longer exists (e.g. the activity was avoided). */
	@PreAuthorize("isAuthenticated()")
	public RiskView close(UUID id, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "say why the risk is closed");
		}
		if (reason.length() > 500) {
			throw new InvalidInputException("reason", "must be at most 500 characters");
		}
		Risk risk = loadForChange(id);
		boolean pending = risk.status() == RiskStatus.ACCEPTANCE_REQUESTED;
		risk.close(reason.strip(), CurrentUser.actor());
		if (pending) {
			approvals.invalidate(AcceptanceItems.TYPE, id.toString(), "the risk was closed");
		}
		return view(risks.save(risk), true);
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public RiskView get(UUID id) {
		return view(load(id), true);
	}

	/** Whether the signed-in user may change the risk (for buttons). */
	public boolean mayChange(RiskView risk) {
		return CurrentUser.hasAnyRole(Role.ADMIN, Role.AIMS_MANAGER) || risk.owner().equals(CurrentUser.username())
				|| risk.createdBy().equals(CurrentUser.username());
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Page<RiskView> list(RiskFilter filter, PageRequest request) {
		UUID cellCriteria = cellCriteria(filter);
		Page<RiskQueries.Row> rows = queries.page(filter, cellCriteria, request);
		Map<UUID, Risk> loaded = risks.findAllById(rows.items().stream().map(RiskQueries.Row::id).toList())
			.stream()
			.collect(Collectors.toMap(Risk::id, Function.identity()));
		Views views = new Views(loaded.values());
		return rows.map(r -> views.view(loaded.get(r.id()), null));
	}

	/** How many risks the register lists for a filter. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public long count(RiskFilter filter) {
		return queries.count(filter, cellCriteria(filter));
	}

	/** Risks per likelihood × impact cell (inherent or residual) on the criteria in force, for a filter. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public HeatMap heatMap(RiskFilter filter, ScoreKind kind) {
		if (kind == ScoreKind.TARGET) {
			throw new InvalidInputException("kind", "a heat map shows INHERENT or RESIDUAL scores");
		}
		CriteriaVersion inForce = criteria.inForce();
		CriteriaDefinition def = inForce.definition();
		RiskFilter base = filter.withoutCell();
		Map<String, Long> counts = new HashMap<>();
		long unscored = 0;
		long other = 0;
		long total = 0;
		// The groups cover every risk of the filter, so their sum is the register's count.
		for (RiskQueries.CellCount c : queries.cells(base, kind)) {
			total += c.count();
			if (c.likelihood() == null || c.impact() == null) {
				unscored += c.count();
			}
			else if (!inForce.id().equals(c.criteriaId())) {
				other += c.count();
			}
			else {
				counts.merge(c.likelihood() + ":" + c.impact(), c.count(), Long::sum);
			}
		}
		List<HeatMap.Cell> cells = new ArrayList<>();
		for (int l = 1; l <= def.likelihood().size(); l++) {
			for (int i = 1; i <= def.impact().size(); i++) {
				cells.add(new HeatMap.Cell(l, i, def.level(l, i).key(), counts.getOrDefault(l + ":" + i, 0L)));
			}
		}
		return new HeatMap(kind, inForce.versionNo(), def.likelihood(), def.impact(), def.levels(), cells, total, unscored, other);
	}

	/** Every assessment, treatment, acceptance and change of a risk, with its approval requests, oldest first. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<HistoryEntry> history(UUID id) {
		load(id);
		List<HistoryEntry> entries = new ArrayList<>(ledger.history(SUBJECT, id.toString()));
		entries.addAll(ledger.history(AcceptanceItems.TYPE, id.toString()));
		entries.sort(Comparator.comparing(HistoryEntry::time).thenComparingLong(HistoryEntry::seq));
		return entries;
	}

	/** Writes the risks of a filter as CSV, XLSX or PDF. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public void export(RiskFilter filter, ExportFormat format, OutputStream out) {
		List<RiskView> all = new ArrayList<>();
		PageRequest request = new PageRequest(PageRequest.MAX_LIMIT, null, null);
		while (request != null) {
			Page<RiskView> page = list(filter, request);
			all.addAll(page.items());
			request = page.next() == null ? null : request.withAfter(page.next());
		}
		switch (format) {
			case CSV -> exports.csv(all, out);
			case XLSX -> exports.xlsx(all, out);
			case PDF -> exports.pdf(all, out);
		}
	}

	/** The open risks of an AI system (for its page and impact assessments). */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<RiskView> forSystem(UUID aiSystemId) {
		List<Risk> found = risks.findByAiSystemId(aiSystemId);
		Views views = new Views(found);
		return found.stream().sorted(Comparator.comparingInt(Risk::refNo)).map(r -> views.view(r, null)).toList();
	}

	/** A significant change of an AI system (a new version) flags its risks for reassessment (8.2). */
	@ApplicationModuleListener
	void on(AiSystemVersionAdded added) {
		Actor actor = added.stamp().actor();
		for (Risk risk : risks.findByAiSystemId(added.aiSystemId())) {
			if (risk.status() != RiskStatus.CLOSED) {
				risk.flag("version " + added.label() + " of " + added.name() + " was registered", actor);
				risks.save(risk);
			}
		}
	}

	/** Accepts the risk when its acceptance approval completes (same transaction as the decision). */
	@EventListener
	void on(ApprovalCompleted completed) {
		if (AcceptanceItems.TYPE.equals(completed.itemType())) {
			risks.findById(UUID.fromString(completed.itemId())).ifPresent(r -> {
				if (completed.outcome() == ApprovalStatus.APPROVED) {
					r.accepted(completed.stamp().actor());
				}
				else {
					r.acceptanceEnded("acceptance rejected", completed.stamp().actor());
				}
				risks.save(r);
			});
		}
	}

	@EventListener
	void on(ApprovalClosed closed) {
		if (AcceptanceItems.TYPE.equals(closed.itemType()) && closed.status() == ApprovalStatus.WITHDRAWN) {
			risks.findById(UUID.fromString(closed.itemId())).ifPresent(r -> {
				r.acceptanceEnded("acceptance request withdrawn", closed.stamp().actor());
				risks.save(r);
			});
		}
	}

	private RiskView saved(Risk risk, boolean acceptanceVoided) {
		Risk saved = risks.save(risk);
		if (acceptanceVoided) {
			approvals.invalidate(AcceptanceItems.TYPE, risk.id().toString(), "the risk's assessment or treatment changed");
		}
		return view(saved, true);
	}

	private UUID cellCriteria(RiskFilter filter) {
		if (filter.scores() == null) {
			return null;
		}
		if (filter.scores() == ScoreKind.TARGET) {
			throw new InvalidInputException("scores", "filter cells by INHERENT or RESIDUAL scores");
		}
		return criteria.inForce().id();
	}

	private void check(RiskDetails d) {
		List<FieldProblem> problems = new ArrayList<>();
		if (!users.isActive(d.owner().strip())) {
			problems.add(new FieldProblem("owner", "no active user is named '" + d.owner() + "'"));
		}
		if (categories.find(d.category().strip()).isEmpty()) {
			problems.add(new FieldProblem("category", "'" + d.category() + "' is not a risk category; known: "
					+ categories.all().stream().map(RiskCategory::key).toList()));
		}
		if (d.aiSystemId() != null && systems.names(List.of(d.aiSystemId())).isEmpty()) {
			problems.add(new FieldProblem("aiSystemId", "no AI system has id " + d.aiSystemId()));
		}
		InvalidInputException.throwIfAny(problems);
	}

	/** Requirement ids for control references (ids, "A.6.2.8" in ISO/IEC 42001, or "framework-key:ref"). */
	private List<UUID> resolveControls(List<String> refs, String field, List<FieldProblem> problems) {
		List<UUID> ids = new ArrayList<>();
		if (refs == null) {
			return ids;
		}
		Map<String, FrameworkView> frameworks = new HashMap<>();
		for (String raw : refs) {
			String ref = raw.strip();
			try {
				UUID requirementId;
				try {
					requirementId = catalog.requirement(UUID.fromString(ref)).id();
				}
				catch (IllegalArgumentException notUuid) {
					int colon = ref.indexOf(':');
					String key = colon > 0 ? ref.substring(0, colon).strip() : CatalogService.ISO42001;
					String refId = colon > 0 ? ref.substring(colon + 1).strip() : ref;
					FrameworkView framework = frameworks.computeIfAbsent(key, catalog::frameworkByKey);
					requirementId = catalog.requirementByRef(framework.id(), refId).id();
				}
				if (!ids.contains(requirementId)) {
					ids.add(requirementId);
				}
			}
			catch (NotFoundException e) {
				problems.add(new FieldProblem(field, "no control '" + ref + "' in the catalog (use e.g. A.6.2.8 or iso27001-2022:A.8.15)"));
			}
		}
		return ids;
	}

	private Risk loadForChange(UUID id) {
		Risk risk = load(id);
		String me = CurrentUser.username();
		if (!CurrentUser.hasAnyRole(Role.ADMIN, Role.AIMS_MANAGER) && !risk.owner().equals(me) && !risk.createdBy().equals(me)) {
			throw new AccessDeniedException("only the owner of " + risk.ref() + ", who entered it or an AIMS manager may change it");
		}
		return risk;
	}

	private Risk load(UUID id) {
		return risks.findById(id).orElseThrow(() -> new NotFoundException("risk", id));
	}

	private RiskView view(Risk risk, boolean withAcceptance) {
		ApprovalView acceptance = null;
		if (withAcceptance) {
			List<ApprovalView> requests = approvals.forItem(AcceptanceItems.TYPE, risk.id().toString());
			acceptance = requests.isEmpty() ? null : requests.get(0);
		}
		return new Views(List.of(risk)).view(risk, acceptance);
	}

	/** Looks up, once for a set of risks, what their views name: systems, categories, criteria, controls. */
	private final class Views {

		private final Map<UUID, String> systemNames;

		private final Map<String, String> categoryNames;

		private final Map<UUID, CriteriaVersion> criteriaById = new HashMap<>();

		// Parsed once per criteria version, not once per risk and score.
		private final Map<UUID, CriteriaDefinition> definitions = new HashMap<>();

		private final Map<UUID, ControlRef> controls = new HashMap<>();

		Views(Collection<Risk> list) {
			Set<UUID> systemIds = new HashSet<>();
			Set<UUID> requirementIds = new HashSet<>();
			Set<UUID> criteriaIds = new HashSet<>();
			for (Risk r : list) {
				if (r.aiSystemId() != null) {
					systemIds.add(r.aiSystemId());
				}
				r.controlsByAction().values().forEach(requirementIds::addAll);
				criteriaIds.add(r.criteriaId());
				if (r.residualCriteriaId() != null) {
					criteriaIds.add(r.residualCriteriaId());
				}
			}
			systemNames = systemIds.isEmpty() ? Map.of() : systems.names(systemIds);
			categoryNames = categories.all().stream().collect(Collectors.toMap(RiskCategory::key, RiskCategory::name));
			criteriaIds.forEach(id -> {
				CriteriaVersion version = criteria.version(id);
				criteriaById.put(id, version);
				definitions.put(id, version.definition());
			});
			if (!requirementIds.isEmpty()) {
				Map<UUID, String> keys = new HashMap<>();
				for (RequirementView req : catalog.requirements(requirementIds)) {
					String key = keys.computeIfAbsent(req.frameworkId(), f -> catalog.framework(f).key());
					controls.put(req.id(), new ControlRef(req.id(), key, req.refId(), req.name()));
				}
			}
		}

		RiskView view(Risk r, ApprovalView acceptance) {
			CriteriaVersion c = criteriaById.get(r.criteriaId());
			CriteriaDefinition def = definitions.get(c.id());
			RiskView.Score inherent = score(r.inherentLikelihood(), r.inherentImpact(), r.inherentLevel(), c);
			RiskView.Score target = r.targetLikelihood() == null ? null
					: score(r.targetLikelihood(), r.targetImpact(), levelOrNull(def, r.targetLikelihood(), r.targetImpact()), c);
			RiskView.Score residual = r.residualLikelihood() == null ? null
					: score(r.residualLikelihood(), r.residualImpact(), r.residualLevel(), criteriaById.get(r.residualCriteriaId()));
			Map<UUID, List<UUID>> byAction = r.controlsByAction();
			LocalDate today = LocalDate.now();
			List<RiskView.ActionView> actions = new ArrayList<>();
			for (RiskAction a : r.sortedActions()) {
				List<ControlRef> refs = byAction.getOrDefault(a.actionId(), List.of()).stream()
					.map(controls::get)
					.filter(java.util.Objects::nonNull)
					.sorted(Comparator.comparing(ControlRef::frameworkKey).thenComparing((x, y) -> CatalogService.byRef(x.refId(), y.refId())))
					.toList();
				actions.add(new RiskView.ActionView(a.actionId(), a.title(), a.owner(), a.dueDate(), a.status(), a.doneOn(),
						a.status() == ActionStatus.OPEN && a.dueDate().isBefore(today), refs));
			}
			return new RiskView(r.id(), r.ref(), r.title(), r.description(), r.aiSystemId(),
					r.aiSystemId() == null ? null : systemNames.get(r.aiSystemId()), r.category(),
					categoryNames.getOrDefault(r.category(), r.category()), r.cause(), r.source(), r.consequenceOrganization(),
					r.consequenceIndividuals(), r.consequenceSociety(), r.existingControls(), r.owner(), r.reviewDate(),
					r.status() != RiskStatus.CLOSED && r.reviewDate().isBefore(today), r.status(), c.versionNo(), inherent,
					r.treatmentOption(), r.treatmentNote(), target, residual, actions, r.acceptanceRationale(), r.acceptedAt(),
					r.acceptedBy(), acceptance, r.reassessmentDue(), r.reassessmentReason(), r.createdAt(), r.createdBy(), r.updatedAt(),
					r.updatedBy(), r.version());
		}

		private RiskView.Score score(int l, int i, String level, CriteriaVersion c) {
			RiskLevel found = definitions.get(c.id()).byKey(level);
			return new RiskView.Score(l, i, level, found == null ? level : found.name(), c.versionNo());
		}

		private String levelOrNull(CriteriaDefinition def, int l, int i) {
			return l <= def.likelihood().size() && i <= def.impact().size() ? def.level(l, i).key() : null;
		}
	}

}
