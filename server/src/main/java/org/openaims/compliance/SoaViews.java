package org.openaims.compliance;

import org.openaims.evidence.EvidenceService;
import org.openaims.evidence.EvidenceSummary;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.openaims.common.AggregateBatch;
import org.openaims.approvals.ApprovalService;
import org.openaims.catalog.CatalogService;
import org.openaims.catalog.MappedRequirement;
import org.openaims.catalog.RequirementView;
import org.openaims.common.ExportFormat;
import org.openaims.common.NotFoundException;
import org.openaims.compliance.internal.SoaDocument;
import org.openaims.compliance.internal.SoaDocuments;
import org.openaims.compliance.internal.SoaExports;
import org.openaims.compliance.internal.SoaVersion;
import org.openaims.compliance.internal.SoaVersions;
import org.openaims.ledger.HistoryEntry;
import org.openaims.ledger.Ledger;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Statements of Applicability as people read them: the list, a version with every control, the
 * risks that selected each control and the version's latest approval, differences between versions,
 * histories, exports and control implementations. Everyone signed in reads them.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class SoaViews {

	/** How many of the records that selected a control an entry names; the rest are counted and linked. */
	public static final int SELECTED_SHOWN = 5;

	private final SoaDocuments documents;

	private final SoaVersions versions;

	private final CatalogService catalog;

	private final ApprovalService approvals;

	private final List<ControlSelections> selections;

	private final SoaExports exports;

	private final Ledger ledger;

	private final AggregateBatch batch;

	private final EvidenceService evidence;

	SoaViews(SoaDocuments documents, SoaVersions versions, CatalogService catalog, ApprovalService approvals,
			List<ControlSelections> selections, SoaExports exports, Ledger ledger, AggregateBatch batch, EvidenceService evidence) {
		this.batch = batch;
		this.evidence = evidence;
		this.documents = documents;
		this.versions = versions;
		this.catalog = catalog;
		this.approvals = approvals;
		this.selections = selections;
		this.exports = exports;
		this.ledger = ledger;
	}

	public List<SoaSummary> list() {
		List<SoaSummary> list = new ArrayList<>();
		for (SoaDocument d : documents.findAll()) {
			List<SoaVersion> all = versions.findBySoaIdOrderByVersionNoDesc(d.id());
			SoaVersion latest = all.get(0);
			Integer approved = all.stream().filter(v -> v.status() == SoaStatus.APPROVED).map(SoaVersion::versionNo).findFirst().orElse(null);
			SoaView view = view(d, latest, all, false);
			list.add(new SoaSummary(d.id(), d.frameworkId(), view.frameworkName(), d.title(), latest.versionNo(), latest.status(), approved,
					view.entries().size(), (int) view.applicableCount(),
					(int) view.entries().stream().filter(e -> e.status() == ImplementationStatus.IMPLEMENTED).count()));
		}
		list.sort(Comparator.comparing(SoaSummary::title));
		return list;
	}

	/** The latest version. */
	public SoaView latest(UUID id) {
		SoaDocument document = load(id);
		List<SoaVersion> all = versions.findBySoaIdOrderByVersionNoDesc(id);
		return view(document, all.get(0), all);
	}

	public SoaView version(UUID id, int versionNo) {
		SoaDocument document = load(id);
		List<SoaVersion> all = versions.findBySoaIdOrderByVersionNoDesc(id);
		SoaVersion version = all.stream().filter(v -> v.versionNo() == versionNo).findFirst()
			.orElseThrow(() -> new NotFoundException("version " + versionNo + " of Statement of Applicability", id));
		return view(document, version, all);
	}

	/** The Statement of Applicability of a framework, if one was started. */
	public java.util.Optional<UUID> forFramework(UUID frameworkId) {
		return documents.findByFrameworkId(frameworkId).map(SoaDocument::id);
	}

	/** What changed, control by control, from version {@code from} to version {@code to}. */
	public List<SoaDiffLine> diff(UUID id, int from, int to) {
		load(id);
		SoaVersion older = versions.findBySoaIdAndVersionNo(id, from)
			.orElseThrow(() -> new NotFoundException("version " + from + " of Statement of Applicability", id));
		SoaVersion newer = versions.findBySoaIdAndVersionNo(id, to)
			.orElseThrow(() -> new NotFoundException("version " + to + " of Statement of Applicability", id));
		var differences = newer.differencesFrom(older);
		Map<UUID, RequirementView> requirements = catalog.requirements(differences.keySet()).stream()
			.collect(Collectors.toMap(RequirementView::id, Function.identity()));
		List<SoaDiffLine> lines = new ArrayList<>();
		differences.forEach((requirementId, changes) -> {
			RequirementView r = requirements.get(requirementId);
			lines.add(new SoaDiffLine(r == null ? requirementId.toString() : r.refId(), r == null ? null : r.name(), changes));
		});
		return lines;
	}

	/** Every recorded change of the statement and of its versions' approvals, oldest first. */
	public List<HistoryEntry> history(UUID id) {
		load(id);
		List<HistoryEntry> entries = new ArrayList<>(ledger.history(SoaService.SUBJECT, id.toString()));
		for (SoaVersion v : versions.findBySoaIdOrderByVersionNoDesc(id)) {
			entries.addAll(ledger.history(SoaVersionId.REVIEW.key(), v.id().toString()));
		}
		entries.sort(Comparator.comparing(HistoryEntry::time).thenComparingLong(HistoryEntry::seq));
		return entries;
	}

	/** Writes a version as CSV, XLSX or PDF. */
	public void export(UUID id, int versionNo, ExportFormat format, OutputStream out) {
		SoaView view = version(id, versionNo);
		switch (format) {
			case CSV -> exports.csv(view, out);
			case XLSX -> exports.xlsx(view, out);
			case PDF -> exports.pdf(view, out);
		}
	}

	/**
	 * Each control of a framework as implemented according to the latest version of its Statement of
	 * Applicability, with the requirements of other frameworks it supports.
	 */
	public List<ControlImplementation> implementations(UUID frameworkId) {
		UUID soaId = documents.findByFrameworkId(frameworkId)
			.orElseThrow(() -> new NotFoundException("Statement of Applicability of framework", frameworkId))
			.id();
		SoaVersion version = batch.query(SoaVersion.class, "SELECT * FROM soa_versions WHERE soa_id = :id ORDER BY version_no DESC LIMIT 1",
				Map.of("id", soaId)).get(0);
		List<org.openaims.compliance.internal.SoaVersionLines.Line> lines = org.openaims.compliance.internal.SoaVersionLines.of(version);
		Map<UUID, String> names = new HashMap<>();
		catalog.requirements(lines.stream().map(l -> l.requirementId()).toList()).forEach(r -> names.put(r.id(), r.name()));
		Map<String, List<MappedRequirement>> mappings = catalog.mappings(frameworkId,
				lines.stream().map(l -> l.refId()).filter(java.util.Objects::nonNull).toList());
		return lines.stream()
			.map(l -> new ControlImplementation(l.requirementId(), frameworkId, l.refId(), names.get(l.requirementId()), l.applicable(),
					l.status(), l.owner(), version.versionNo(),
					l.refId() == null ? List.of() : mappings.getOrDefault(l.refId().toLowerCase(java.util.Locale.ROOT), List.of())))
			.toList();
	}

	/** One control as implemented, with what it supports in other frameworks. */
	public ControlImplementation implementation(UUID requirementId) {
		RequirementView requirement = catalog.requirement(requirementId);
		UUID soaId = documents.findByFrameworkId(requirement.frameworkId())
			.orElseThrow(() -> new NotFoundException("Statement of Applicability of the framework of requirement", requirementId))
			.id();
		SoaView view = latest(soaId);
		SoaEntryView entry = view.entries().stream().filter(e -> e.requirementId().equals(requirementId)).findFirst()
			.orElseThrow(() -> new NotFoundException("control in the Statement of Applicability", requirement.refId()));
		return new ControlImplementation(entry.requirementId(), view.frameworkId(), entry.refId(), entry.name(), entry.applicable(),
				entry.status(), entry.owner(), view.versionNo(), catalog.mappings(requirementId));
	}

	private SoaView view(SoaDocument document, SoaVersion version, List<SoaVersion> all) {
		return view(document, version, all, true);
	}

	/** The version's view; {@code withLinks}: with what selected each control and its evidence (a summary needs neither). */
	private SoaView view(SoaDocument document, SoaVersion version, List<SoaVersion> all, boolean withLinks) {
		List<org.openaims.compliance.internal.SoaVersionLines.Line> lines = org.openaims.compliance.internal.SoaVersionLines.of(version);
		Collection<UUID> ids = lines.stream().map(l -> l.requirementId()).toList();
		Map<UUID, RequirementView> requirements = new HashMap<>();
		catalog.requirements(ids).forEach(r -> requirements.put(r.id(), r));
		Map<UUID, List<String>> selected = new HashMap<>();
		Map<UUID, Long> counts = new HashMap<>();
		Map<UUID, String> links = new HashMap<>();
		(withLinks ? selections : List.<ControlSelections>of()).forEach(s -> s.selections(ids, SELECTED_SHOWN).forEach((k, v) -> {
			selected.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v.newest());
			counts.merge(k, v.count(), Long::sum);
			links.putIfAbsent(k, v.link());
		}));
		Map<UUID, List<EvidenceSummary>> evidenceByControl = withLinks ? evidence.forRequirements(ids) : Map.of();
		List<SoaEntryView> entries = lines.stream().map(l -> {
			RequirementView r = requirements.get(l.requirementId());
			List<String> shown = selected.getOrDefault(l.requirementId(), List.of());
			return new SoaEntryView(l.requirementId(), l.refId(), r == null ? null : r.name(), l.position(), l.applicable(),
					l.justification(), l.status(), l.owner(), List.copyOf(evidenceByControl.getOrDefault(l.requirementId(), List.of())),
					l.lastReviewed(),
					List.copyOf(shown.subList(0, Math.min(SELECTED_SHOWN, shown.size()))), counts.getOrDefault(l.requirementId(), 0L),
					links.get(l.requirementId()), r == null ? List.of() : r.implementationGroups());
		}).toList();
		String frameworkName = catalog.frameworkName(document.frameworkId());
		return new SoaView(document.id(), document.frameworkId(), frameworkName, document.title(), version.id(), version.versionNo(),
				version.status(), version.changeNote(), List.copyOf(version.editorSet()), version.createdAt(), version.updatedAt(),
				version.updatedBy(), version.approvedAt(), approvals.latest(version.reviewRef()).orElse(null), entries,
				all.stream().map(v -> new SoaView.VersionSummary(v.versionNo(), v.status(), v.updatedAt(), v.updatedBy(), v.approvedAt())).toList(),
				version.version());
	}

	private SoaDocument load(UUID id) {
		return documents.findById(id).orElseThrow(() -> new NotFoundException("Statement of Applicability", id));
	}
}
