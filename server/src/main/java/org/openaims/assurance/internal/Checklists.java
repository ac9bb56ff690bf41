package org.openaims.assurance.internal;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openaims.assurance.AuditItemView;
import org.openaims.assurance.ScopeKind;
import org.openaims.catalog.CatalogService;
import org.openaims.catalog.RequirementView;
import org.openaims.common.FieldProblem;
import org.openaims.compliance.ControlImplementation;
import org.openaims.compliance.ControlSelections;
import org.openaims.compliance.SoaViews;
import org.openaims.evidence.EvidenceService;
import org.openaims.evidence.EvidenceSummary;
import org.openaims.inventory.AiSystemService;
import org.openaims.lifecycle.LifecycleFigures;

import org.springframework.stereotype.Component;

/**
 * Audit checklists: generated from an audit's scope — each clause or control reference with every
 * assessable requirement under it in the ISO/IEC 42001 catalog, each AI system, each process — and
 * shown with the records linked to each item, read with one query per kind of record for the whole
 * checklist, never one per item.
 */
@Component
public class Checklists {

	/** The controls whose audit reads the lifecycle's test runs and gate decisions. */
	private static final Set<String> LIFECYCLE_CONTROLS = Set.of("A.6.2.4", "A.6.2.5", "A.6.2.6", "8.1");

	private final CatalogService catalog;

	private final EvidenceService evidence;

	private final List<ControlSelections> selections;

	private final SoaViews soa;

	private final AiSystemService systems;

	private final LifecycleFigures lifecycle;

	Checklists(CatalogService catalog, EvidenceService evidence, List<ControlSelections> selections, SoaViews soa, AiSystemService systems,
			LifecycleFigures lifecycle) {
		this.catalog = catalog;
		this.evidence = evidence;
		this.selections = selections;
		this.soa = soa;
		this.systems = systems;
		this.lifecycle = lifecycle;
	}

	/** References of the scope that the catalog does not hold, or listed as the wrong kind (a control under clauses, a clause under controls). */
	public List<FieldProblem> unknown(List<String> clauses, List<String> controls) {
		List<FieldProblem> problems = new ArrayList<>();
		if ((clauses == null || clauses.isEmpty()) && (controls == null || controls.isEmpty())) {
			return problems;
		}
		Map<String, RequirementView> byRef = byRef();
		check(clauses, "clauses", false, byRef, problems);
		check(controls, "controls", true, byRef, problems);
		return problems;
	}

	private static void check(List<String> refs, String field, boolean controls, Map<String, RequirementView> byRef, List<FieldProblem> problems) {
		if (refs == null) {
			return;
		}
		for (String ref : refs) {
			if (ref == null || ref.isBlank()) {
				continue;
			}
			String r = ref.strip();
			boolean control = r.toUpperCase(Locale.ROOT).startsWith("A.");
			if (!byRef.containsKey(r.toUpperCase(Locale.ROOT))) {
				problems.add(new FieldProblem(field, "'" + r + "' is no " + (controls ? "Annex A control" : "clause") + " of ISO/IEC 42001"));
			}
			else if (control != controls) {
				problems.add(new FieldProblem(field, "'" + r + "' is " + (control ? "an Annex A control; list it under controls" : "a clause; list it under clauses")));
			}
		}
	}

	/** The checklist of a scope, in document order per reference, then systems and processes. */
	public List<AuditItem> generate(List<String> clauses, List<String> controls, List<UUID> systemIds, List<String> processes) {
		List<RequirementView> all = catalog.requirements(framework(), null, null, false);
		Map<String, List<RequirementView>> children = new HashMap<>();
		all.forEach(r -> {
			if (r.parentUrn() != null) {
				children.computeIfAbsent(r.parentUrn(), k -> new ArrayList<>()).add(r);
			}
		});
		Map<String, RequirementView> byRef = new HashMap<>();
		all.stream().filter(r -> r.refId() != null).forEach(r -> byRef.putIfAbsent(r.refId().toUpperCase(Locale.ROOT), r));
		Map<UUID, AuditItem> items = new LinkedHashMap<>();
		List<String> refs = new ArrayList<>(clauses);
		refs.addAll(controls);
		for (String ref : refs) {
			RequirementView node = byRef.get(ref.toUpperCase(Locale.ROOT));
			if (node == null) {
				continue;
			}
			List<RequirementView> under = new ArrayList<>();
			collect(node, children, under);
			if (under.isEmpty()) {
				under.add(node);
			}
			for (RequirementView r : under) {
				ScopeKind kind = r.refId() != null && r.refId().toUpperCase(Locale.ROOT).startsWith("A.") ? ScopeKind.CONTROL : ScopeKind.CLAUSE;
				items.putIfAbsent(r.id(), new AuditItem(kind, r.refId(), r.id(), cut(r.label(), 600)));
			}
		}
		List<AuditItem> list = new ArrayList<>(items.values());
		Map<UUID, String> names = systems.names(systemIds);
		systemIds.stream().distinct().forEach(s -> list.add(new AuditItem(ScopeKind.AI_SYSTEM, s.toString(), null,
				"AI system " + names.getOrDefault(s, s.toString()))));
		processes.stream().distinct().forEach(p -> list.add(new AuditItem(ScopeKind.PROCESS, p, null, cut("Process: " + p, 600))));
		return list;
	}

	private static void collect(RequirementView node, Map<String, List<RequirementView>> children, List<RequirementView> out) {
		if (node.assessable()) {
			out.add(node);
		}
		for (RequirementView child : children.getOrDefault(node.urn(), List.of())) {
			collect(child, children, out);
		}
	}

	/**
	 * The items as views, numbered from {@code firstIndex}; with their guidance and, when
	 * {@code withLinks}, the records linked to them.
	 */
	public List<AuditItemView> views(Audit audit, List<AuditItem> items, int firstIndex, boolean withLinks) {
		List<UUID> requirementIds = items.stream().map(AuditItem::requirementId).filter(java.util.Objects::nonNull).distinct().toList();
		Map<UUID, RequirementView> requirements = requirementIds.isEmpty() ? Map.of()
				: catalog.requirements(requirementIds).stream().collect(Collectors.toMap(RequirementView::id, r -> r, (a, b) -> a));
		Map<UUID, List<AuditItemView.Link>> links = withLinks ? links(audit, items, requirementIds) : Map.of();
		List<AuditItemView> views = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			AuditItem item = items.get(i);
			RequirementView r = item.requirementId() == null ? null : requirements.get(item.requirementId());
			String guidance = r == null ? null : guidance(r);
			List<AuditItemView.Link> itemLinks = new ArrayList<>();
			if (withLinks) {
				itemLinks.addAll(links.getOrDefault(item.requirementId(), List.of()));
				if (item.subjectType() == ScopeKind.AI_SYSTEM) {
					itemLinks.add(new AuditItemView.Link("AI system", item.title(), "/ai-systems/" + item.subjectRef()));
					itemLinks.add(new AuditItemView.Link("Lifecycle", "Tests, changes and deployments", "/lifecycle/systems/" + item.subjectRef()));
					itemLinks.add(new AuditItemView.Link("Risks", "The system's risks", "/risks?aiSystem=" + item.subjectRef()));
				}
			}
			views.add(new AuditItemView(firstIndex + i, item.subjectType(), item.subjectRef(), item.requirementId(), item.title(), guidance,
					item.auditor(), item.result(), item.notes(), item.sampled(), item.evidenceId(), item.nonconformityId(), item.recordedAt(),
					item.recordedBy(), itemLinks));
		}
		return views;
	}

	/** What an auditor reads about a requirement: its description or guidance, and the evidence it calls for. */
	private static String guidance(RequirementView r) {
		List<String> parts = new ArrayList<>();
		if (r.description() != null && !r.description().isBlank()) {
			parts.add(r.description().strip());
		}
		if (r.annotation() != null && !r.annotation().isBlank()) {
			parts.add(r.annotation().strip());
		}
		if (r.evidence() != null && !r.evidence().isBlank()) {
			parts.add("Evidence it calls for: " + r.evidence().strip());
		}
		return parts.isEmpty() ? null : String.join("\n", parts);
	}

	private Map<UUID, List<AuditItemView.Link>> links(Audit audit, List<AuditItem> items, List<UUID> requirementIds) {
		Map<UUID, List<AuditItemView.Link>> links = new HashMap<>();
		if (requirementIds.isEmpty()) {
			return links;
		}
		Map<UUID, ControlImplementation> implementations = implementations();
		Map<UUID, List<EvidenceSummary>> linked = evidence.forRequirements(requirementIds);
		List<Map<UUID, ControlSelections.Selection>> selected = selections.stream().map(s -> s.selections(requirementIds, 3)).toList();
		boolean lifecycleItems = items.stream().anyMatch(i -> i.subjectRef() != null && LIFECYCLE_CONTROLS.contains(i.subjectRef()));
		LifecycleFigures.Figures figures = lifecycleItems ? lifecycle.between(audit.auditedFrom().atStartOfDay(ZoneOffset.UTC).toInstant(),
				audit.auditedTo().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()) : null;
		for (AuditItem item : items) {
			UUID id = item.requirementId();
			if (id == null || links.containsKey(id)) {
				continue;
			}
			List<AuditItemView.Link> l = new ArrayList<>();
			ControlImplementation c = implementations.get(id);
			if (c != null) {
				l.add(new AuditItemView.Link("Statement of Applicability", (Boolean.FALSE.equals(c.applicable()) ? "not applicable"
						: Boolean.TRUE.equals(c.applicable()) ? "applicable" : "undecided") + (c.status() == null ? "" : ", " + c.status())
						+ (c.owner() == null ? "" : ", owner " + c.owner()) + " (version " + c.soaVersion() + ")", "/soa"));
			}
			for (EvidenceSummary e : linked.getOrDefault(id, List.of())) {
				l.add(new AuditItemView.Link("Evidence", e.title() + " (" + e.validity() + ")", "/evidence/" + e.id()));
			}
			for (Map<UUID, ControlSelections.Selection> s : selected) {
				ControlSelections.Selection selection = s.get(id);
				if (selection != null && selection.count() > 0) {
					l.add(new AuditItemView.Link("Risks", selection.count() + " risk(s) select it: " + String.join("; ", selection.newest()),
							selection.link()));
				}
			}
			if (figures != null && LIFECYCLE_CONTROLS.contains(item.subjectRef())) {
				l.add(new AuditItemView.Link("Test runs", figures.testRuns() + " in the audited period, " + figures.passingTestRuns() + " passing",
						"/lifecycle"));
				l.add(new AuditItemView.Link("Gate decisions", figures.gateAllowed() + " allowed, " + figures.gateDenied() + " denied; "
						+ figures.deploymentsWithoutAllow() + " deployment(s) without an allow", "/lifecycle"));
			}
			links.put(id, l);
		}
		return links;
	}

	/** The ISO/IEC 42001 controls as the latest Statement of Applicability implements them (none without one), by requirement id. */
	public Map<UUID, ControlImplementation> implementations() {
		Map<UUID, ControlImplementation> implementations = new HashMap<>();
		UUID framework = framework();
		if (soa.forFramework(framework).isPresent()) {
			soa.implementations(framework).forEach(c -> implementations.put(c.requirementId(), c));
		}
		return implementations;
	}

	/** The ISO/IEC 42001 requirement with this reference (e.g. {@code A.6.2.5}), if the catalog holds it. */
	public java.util.Optional<RequirementView> requirement(String ref) {
		return java.util.Optional.ofNullable(byRef().get(ref.strip().toUpperCase(Locale.ROOT)));
	}

	private Map<String, RequirementView> byRef() {
		Map<String, RequirementView> byRef = new HashMap<>();
		catalog.requirements(framework(), null, null, false).stream().filter(r -> r.refId() != null)
			.forEach(r -> byRef.putIfAbsent(r.refId().toUpperCase(Locale.ROOT), r));
		return byRef;
	}

	private UUID framework() {
		return catalog.frameworkByKey(CatalogService.ISO42001).id();
	}

	private static String cut(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max - 1) + "…";
	}
}
