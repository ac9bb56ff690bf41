package org.openaims.risk;

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

import org.openaims.approvals.ApprovalService;
import org.openaims.approvals.ApprovalView;
import org.openaims.catalog.CatalogService;
import org.openaims.catalog.RequirementView;
import org.openaims.common.ExportFormat;
import org.openaims.reporting.Table;
import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.inventory.AiSystemService;
import org.openaims.ledger.HistoryEntry;
import org.openaims.ledger.Ledger;
import org.openaims.risk.internal.CriteriaVersion;
import org.openaims.risk.internal.HeatMapCounts;
import org.openaims.risk.internal.Risk;
import org.openaims.risk.internal.RiskAction;
import org.openaims.risk.internal.RiskCategories;
import org.openaims.risk.internal.RiskExports;
import org.openaims.risk.internal.RiskQueries;
import org.openaims.risk.internal.Risks;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The AI risk register as people read it (6.1.2-6.1.3, 8.2-8.3): lists with filters, one risk with
 * its acceptance request, the heat map, histories, exports, and an AI system's risks. Everyone signed
 * in reads the register.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class RiskViews {

	private final Risks risks;

	private final RiskQueries queries;

	private final RiskCategories categories;

	private final RiskCriteriaService criteria;

	private final ApprovalService approvals;

	private final CatalogService catalog;

	private final AiSystemService systems;

	private final RiskExports exports;

	private final Ledger ledger;

	private final HeatMapCounts heatMapCounts;

	RiskViews(Risks risks, RiskQueries queries, RiskCategories categories, RiskCriteriaService criteria, ApprovalService approvals,
			CatalogService catalog, AiSystemService systems, RiskExports exports, Ledger ledger, HeatMapCounts heatMapCounts) {
		this.heatMapCounts = heatMapCounts;
		this.risks = risks;
		this.queries = queries;
		this.categories = categories;
		this.criteria = criteria;
		this.approvals = approvals;
		this.catalog = catalog;
		this.systems = systems;
		this.exports = exports;
		this.ledger = ledger;
	}

	public List<RiskCategory> categories() {
		return categories.all();
	}

	public RiskView get(UUID id) {
		return view(load(id));
	}

	/** Whether the signed-in user may change the risk (for buttons). */
	public boolean mayChange(RiskView risk) {
		return CurrentUser.hasAnyRole(Role.ADMIN, Role.AIMS_MANAGER) || risk.about().owner().equals(CurrentUser.username())
				|| risk.recorded().createdBy().equals(CurrentUser.username());
	}

	public Page<RiskView> list(RiskFilter filter, PageRequest request) {
		UUID cellCriteria = cellCriteria(filter);
		Page<Risk> page = queries.page(filter, cellCriteria, request);
		Views views = new Views(page.items());
		return page.map(r -> views.view(r, null));
	}

	/** How many risks the register lists for a filter. */
	public long count(RiskFilter filter) {
		return queries.count(filter, cellCriteria(filter));
	}

	/** Risks per likelihood × impact cell (inherent or residual) on the criteria in force, for a filter. */
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
		// The groups cover every risk of the filter, so their sum is the register's count. They are kept as
		// counts by category, status and organization-wide (a million risks are not grouped per request).
		for (RiskQueries.CellCount c : HeatMapCounts.answers(base) ? kept(base, kind) : queries.cells(base, kind)) {
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

	/** The heat map groups of a filter the kept counts answer: unscored residuals are the rest. */
	private List<RiskQueries.CellCount> kept(RiskFilter filter, ScoreKind kind) {
		List<RiskQueries.CellCount> groups = new ArrayList<>();
		long all = 0;
		long scored = 0;
		for (HeatMapCounts.Count c : heatMapCounts.counts(ScoreKind.INHERENT, filter)) {
			all += c.risks();
			if (kind == ScoreKind.INHERENT) {
				groups.add(new RiskQueries.CellCount(c.criteriaId(), c.likelihood(), c.impact(), c.risks()));
			}
		}
		if (kind == ScoreKind.RESIDUAL) {
			for (HeatMapCounts.Count c : heatMapCounts.counts(ScoreKind.RESIDUAL, filter)) {
				scored += c.risks();
				groups.add(new RiskQueries.CellCount(c.criteriaId(), c.likelihood(), c.impact(), c.risks()));
			}
			if (all > scored) {
				groups.add(new RiskQueries.CellCount(null, null, null, all - scored));
			}
		}
		return groups;
	}

	/** Every assessment, treatment, acceptance and change of a risk, with its approval requests, oldest first. */
	public List<HistoryEntry> history(UUID id) {
		load(id);
		List<HistoryEntry> entries = new ArrayList<>(ledger.history(RiskService.SUBJECT, id.toString()));
		entries.addAll(ledger.history(RiskId.ACCEPTANCE.key(), id.toString()));
		entries.sort(Comparator.comparing(HistoryEntry::time).thenComparingLong(HistoryEntry::seq));
		return entries;
	}

	/**
	 * The risks of a filter as an export table: read in keyset batches ({@code aims.reporting.batch-rows})
	 * with their actions and controls fetched per batch, so memory stays bounded whatever the register's size.
	 */
	public Table exportTable(RiskFilter filter, ExportFormat format, int batchRows) {
		long total = count(filter);
		UUID cellCriteria = cellCriteria(filter);
		List<String> header = format == ExportFormat.PDF ? exports.pdfHeader() : exports.header();
		String title = "AI risk register — " + total + " risks — generated " + java.time.LocalDate.now(java.time.ZoneOffset.UTC);
		return new Table("risk-register", title, header, total, writer -> {
			ExportNames names = new ExportNames();
			String after = null;
			do {
				Page<RiskQueries.ExportRow> batch = queries.exportBatch(filter, cellCriteria, batchRows, after);
				names.prepare(batch.items());
				for (RiskQueries.ExportRow r : batch.items()) {
					List<?> row = exports.row(r, names);
					writer.row(format == ExportFormat.PDF ? exports.pdfColumns(row) : row);
				}
				after = batch.next();
			}
			while (after != null);
		});
	}

	/**
	 * What export rows name, looked up once per export (categories, criteria versions, controls) or
	 * per batch (AI systems), never per risk.
	 */
	private final class ExportNames implements RiskExports.Names {

		private final Map<String, String> categoryNames = categories.all().stream()
			.collect(Collectors.toMap(RiskCategory::key, RiskCategory::name));

		private final Map<UUID, CriteriaVersion> versions = new HashMap<>();

		private final Map<UUID, CriteriaDefinition> definitions = new HashMap<>();

		private final Map<UUID, ControlRef> controls = new HashMap<>();

		private final Map<UUID, String> frameworkKeys = new HashMap<>();

		private Map<UUID, String> systemNames = Map.of();

		void prepare(List<RiskQueries.ExportRow> batch) {
			Set<UUID> systemIds = new HashSet<>();
			Set<UUID> requirementIds = new HashSet<>();
			for (RiskQueries.ExportRow r : batch) {
				if (r.aiSystemId() != null) {
					systemIds.add(r.aiSystemId());
				}
				criteria(r.criteriaId());
				if (r.residualCriteriaId() != null) {
					criteria(r.residualCriteriaId());
				}
				r.actions().forEach(a -> a.requirements().stream().filter(id -> !controls.containsKey(id)).forEach(requirementIds::add));
			}
			systemNames = systemIds.isEmpty() ? Map.of() : systems.names(systemIds);
			if (!requirementIds.isEmpty()) {
				for (RequirementView req : catalog.requirements(requirementIds)) {
					String key = frameworkKeys.computeIfAbsent(req.frameworkId(), f -> catalog.framework(f).key());
					controls.put(req.id(), new ControlRef(req.id(), key, req.refId(), req.name()));
				}
			}
		}

		@Override
		public String system(UUID aiSystemId) {
			return systemNames.get(aiSystemId);
		}

		@Override
		public String category(String key) {
			return categoryNames.getOrDefault(key, key);
		}

		@Override
		public int criteriaVersionNo(UUID criteriaId) {
			return versions.get(criteriaId).versionNo();
		}

		@Override
		public String level(UUID criteriaId, String levelKey) {
			RiskLevel found = criteriaId == null ? null : definitions.get(criteriaId).byKey(levelKey);
			return found == null ? levelKey : found.name();
		}

		@Override
		public List<String> controlRefs(List<UUID> requirementIds) {
			return requirementIds.stream().map(controls::get).filter(java.util.Objects::nonNull)
				.sorted(Comparator.comparing(ControlRef::frameworkKey).thenComparing((x, y) -> CatalogService.byRef(x.refId(), y.refId())))
				.map(ControlRef::refId)
				.toList();
		}

		private void criteria(UUID id) {
			versions.computeIfAbsent(id, v -> {
				CriteriaVersion version = criteria.version(v);
				definitions.put(v, version.definition());
				return version;
			});
		}
	}

	/** The open risks of an AI system (for its page and impact assessments). */
	public List<RiskView> forSystem(UUID aiSystemId) {
		List<Risk> found = risks.findByAiSystemId(aiSystemId);
		Views views = new Views(found);
		return found.stream().sorted(Comparator.comparingInt(Risk::refNo)).map(r -> views.view(r, null)).toList();
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

	private Risk load(UUID id) {
		return risks.findById(id).orElseThrow(() -> new NotFoundException("risk", id));
	}

	/** One risk's view with its latest acceptance request. */
	private RiskView view(Risk risk) {
		return new Views(List.of(risk)).view(risk, approvals.latest(risk.reviewRef()).orElse(null));
	}

	/** Looks up, once for a set of risks, what their views name: systems, categories, criteria, controls. */
	private final class Views {

		private final Map<UUID, String> systemNames;

		private final Map<String, String> categoryNames;

		private final Map<UUID, RiskCriteriaService.Scoring> criteriaById = new HashMap<>();

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
				RiskCriteriaService.Scoring version = criteria.scoring(id);
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
			RiskCriteriaService.Scoring c = criteriaById.get(r.criteriaId());
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
			return new RiskView(r.id(), r.ref(), r.title(), r.status(),
					new RiskView.About(r.description(), r.aiSystemId(), r.aiSystemId() == null ? null : systemNames.get(r.aiSystemId()),
							r.category(), categoryNames.getOrDefault(r.category(), r.category()), r.cause(), r.source(),
							r.consequenceOrganization(), r.consequenceIndividuals(), r.consequenceSociety(), r.existingControls(), r.owner()),
					new RiskView.Schedule(r.reviewDate(), r.status() != RiskStatus.CLOSED && r.reviewDate().isBefore(today),
							r.reassessmentDue(), r.reassessmentReason()),
					new RiskView.Assessment(c.versionNo(), inherent, target, residual),
					new RiskView.Plan(r.treatmentOption(), r.treatmentNote(), actions),
					new RiskView.Acceptance(r.acceptanceRationale(), r.acceptedAt(), r.acceptedBy(), acceptance),
					new RiskView.Recorded(r.createdAt(), r.createdBy(), r.updatedAt(), r.updatedBy(), r.version()));
		}

		private RiskView.Score score(int l, int i, String level, RiskCriteriaService.Scoring c) {
			RiskLevel found = definitions.get(c.id()).byKey(level);
			return new RiskView.Score(l, i, level, found == null ? level : found.name(), c.versionNo());
		}

		private String levelOrNull(CriteriaDefinition def, int l, int i) {
			return l <= def.likelihood().size() && i <= def.impact().size() ? def.level(l, i).key() : null;
		}
	}

}
