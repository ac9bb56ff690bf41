package org.openaims.compliance;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
import org.openaims.common.Stamp;
import org.openaims.compliance.internal.SoaDocument;
import org.openaims.compliance.internal.SoaDocuments;
import org.openaims.compliance.internal.SoaExports;
import org.openaims.compliance.internal.SoaVersion;
import org.openaims.compliance.internal.SoaVersionItems;
import org.openaims.compliance.internal.SoaVersions;
import org.openaims.governance.ApprovalClosed;
import org.openaims.governance.ApprovalCompleted;
import org.openaims.governance.ApprovalService;
import org.openaims.governance.ApprovalStatus;
import org.openaims.governance.ApprovalView;
import org.openaims.governance.NewApprovalRequest;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.identity.UserDirectory;
import org.openaims.ledger.HistoryEntry;
import org.openaims.ledger.Ledger;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Statements of Applicability (6.1.3): one per framework, every control with its decision and
 * justification (both ways), status, owner, evidence and review date. AIMS managers and
 * administrators edit them; an edit of an approved version opens a new draft; a draft is approved
 * through the approval service by an approver or AIMS manager who did not edit it, and is then
 * immutable. Everyone signed in reads them and their exports.
 */
@Service
@Validated
@Transactional
public class SoaService {

	/** The ledger's subject type for Statements of Applicability. */
	public static final String SUBJECT = "soa";

	private final SoaDocuments documents;

	private final SoaVersions versions;

	private final CatalogService catalog;

	private final ApprovalService approvals;

	private final UserDirectory users;

	private final List<ControlSelections> selections;

	private final SoaExports exports;

	private final Ledger ledger;

	private final ApplicationEventPublisher events;

	SoaService(SoaDocuments documents, SoaVersions versions, CatalogService catalog, ApprovalService approvals, UserDirectory users,
			List<ControlSelections> selections, SoaExports exports, Ledger ledger, ApplicationEventPublisher events) {
		this.documents = documents;
		this.versions = versions;
		this.catalog = catalog;
		this.approvals = approvals;
		this.users = users;
		this.selections = selections;
		this.exports = exports;
		this.ledger = ledger;
		this.events = events;
	}

	/** Starts the Statement of Applicability of a framework: a first draft listing every control, undecided. */
	@PreAuthorize("hasAnyRole('ADMIN', 'AIMS_MANAGER')")
	public SoaView create(UUID frameworkId) {
		if (frameworkId == null) {
			throw new InvalidInputException("frameworkId", "must not be null");
		}
		FrameworkView framework;
		try {
			framework = catalog.framework(frameworkId);
		}
		catch (NotFoundException e) {
			throw new InvalidInputException("frameworkId", "no framework has id " + frameworkId);
		}
		documents.findByFrameworkId(frameworkId).ifPresent(existing -> {
			throw new ConflictException("framework '" + framework.name() + "' has a Statement of Applicability already");
		});
		List<RequirementView> controls = catalog.applicabilityScope(frameworkId);
		if (controls.isEmpty()) {
			throw new InvalidInputException("frameworkId", "framework '" + framework.name() + "' has no controls to decide on");
		}
		Actor actor = CurrentUser.actor();
		SoaDocument document = documents.save(SoaDocument.create(frameworkId,
				"Statement of Applicability — " + framework.name() + " (version " + framework.version() + ")", actor.username()));
		versions.save(SoaVersion.first(document.id(), controls, actor));
		events.publishEvent(new SoaCreated(document.id(), frameworkId, document.title(), controls.size(), Stamp.of(actor)));
		return latest(document.id());
	}

	/**
	 * Changes lines of the latest version, all or none. When the latest version is approved a new draft
	 * is opened first; a version under review goes back to draft and its approval request is void.
	 */
	@PreAuthorize("hasAnyRole('ADMIN', 'AIMS_MANAGER')")
	public SoaView edit(UUID id, @Valid EntryChanges changes) {
		SoaDocument document = load(id);
		Actor actor = CurrentUser.actor();
		SoaVersion current = latestVersion(document.id());
		if (current.status() == SoaStatus.APPROVED) {
			current = versions.save(current.nextDraft(actor));
		}
		if (current.edit(changes.entries(), changes.note(), users::isActive, actor)) {
			approvals.invalidate(SoaVersionItems.TYPE, current.id().toString(), "the Statement of Applicability changed after approval was asked for");
		}
		versions.save(current);
		return latest(id);
	}

	/** Submits the latest draft for approval by an approver or AIMS manager who did not edit it. */
	@PreAuthorize("hasAnyRole('ADMIN', 'AIMS_MANAGER')")
	public SoaView submit(UUID id) {
		SoaDocument document = load(id);
		SoaVersion current = latestVersion(document.id());
		current.submit(CurrentUser.actor());
		versions.save(current);
		approvals.submit(new NewApprovalRequest(SoaVersionItems.TYPE, current.id().toString(), EnumSet.of(Role.APPROVER, Role.AIMS_MANAGER),
				1, null, document.title() + ", version " + current.versionNo()));
		return latest(id);
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<SoaSummary> list() {
		List<SoaSummary> list = new ArrayList<>();
		for (SoaDocument d : documents.findAll()) {
			List<SoaVersion> all = versions.findBySoaIdOrderByVersionNoDesc(d.id());
			SoaVersion latest = all.get(0);
			Integer approved = all.stream().filter(v -> v.status() == SoaStatus.APPROVED).map(SoaVersion::versionNo).findFirst().orElse(null);
			SoaView view = view(d, latest, all);
			list.add(new SoaSummary(d.id(), d.frameworkId(), view.frameworkName(), d.title(), latest.versionNo(), latest.status(), approved,
					view.entries().size(), (int) view.applicableCount(),
					(int) view.entries().stream().filter(e -> e.status() == ImplementationStatus.IMPLEMENTED).count()));
		}
		list.sort(Comparator.comparing(SoaSummary::title));
		return list;
	}

	/** The latest version. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public SoaView latest(UUID id) {
		SoaDocument document = load(id);
		List<SoaVersion> all = versions.findBySoaIdOrderByVersionNoDesc(id);
		return view(document, all.get(0), all);
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public SoaView version(UUID id, int versionNo) {
		SoaDocument document = load(id);
		List<SoaVersion> all = versions.findBySoaIdOrderByVersionNoDesc(id);
		SoaVersion version = all.stream().filter(v -> v.versionNo() == versionNo).findFirst()
			.orElseThrow(() -> new NotFoundException("version " + versionNo + " of Statement of Applicability", id));
		return view(document, version, all);
	}

	/** The Statement of Applicability of a framework, if one was started. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public java.util.Optional<UUID> forFramework(UUID frameworkId) {
		return documents.findByFrameworkId(frameworkId).map(SoaDocument::id);
	}

	/** What changed, control by control, from version {@code from} to version {@code to}. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
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
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<HistoryEntry> history(UUID id) {
		load(id);
		List<HistoryEntry> entries = new ArrayList<>(ledger.history(SUBJECT, id.toString()));
		for (SoaVersion v : versions.findBySoaIdOrderByVersionNoDesc(id)) {
			entries.addAll(ledger.history(SoaVersionItems.TYPE, v.id().toString()));
		}
		entries.sort(Comparator.comparing(HistoryEntry::time).thenComparingLong(HistoryEntry::seq));
		return entries;
	}

	/** Writes a version as CSV, XLSX or PDF. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
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
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<ControlImplementation> implementations(UUID frameworkId) {
		UUID soaId = documents.findByFrameworkId(frameworkId)
			.orElseThrow(() -> new NotFoundException("Statement of Applicability of framework", frameworkId))
			.id();
		SoaView view = latest(soaId);
		return view.entries().stream().map(e -> implementation(view, e)).toList();
	}

	/** One control as implemented, with what it supports in other frameworks. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public ControlImplementation implementation(UUID requirementId) {
		RequirementView requirement = catalog.requirement(requirementId);
		UUID soaId = documents.findByFrameworkId(requirement.frameworkId())
			.orElseThrow(() -> new NotFoundException("Statement of Applicability of the framework of requirement", requirementId))
			.id();
		SoaView view = latest(soaId);
		SoaEntryView entry = view.entries().stream().filter(e -> e.requirementId().equals(requirementId)).findFirst()
			.orElseThrow(() -> new NotFoundException("control in the Statement of Applicability", requirement.refId()));
		return implementation(view, entry);
	}

	private ControlImplementation implementation(SoaView view, SoaEntryView e) {
		return new ControlImplementation(e.requirementId(), view.frameworkId(), e.refId(), e.name(), e.applicable(), e.status(), e.owner(),
				view.versionNo(), catalog.mappings(e.requirementId()));
	}

	/** Moves a version when its approval completes (same transaction as the decision). */
	@EventListener
	void on(ApprovalCompleted completed) {
		if (SoaVersionItems.TYPE.equals(completed.itemType())) {
			versions.findById(UUID.fromString(completed.itemId())).ifPresent(v -> {
				if (completed.outcome() == ApprovalStatus.APPROVED) {
					v.approved(completed.stamp().actor());
				}
				else {
					v.sentBack("rejected", completed.stamp().actor());
				}
				versions.save(v);
			});
		}
	}

	@EventListener
	void on(ApprovalClosed closed) {
		if (SoaVersionItems.TYPE.equals(closed.itemType()) && closed.status() == ApprovalStatus.WITHDRAWN) {
			versions.findById(UUID.fromString(closed.itemId())).ifPresent(v -> {
				v.sentBack("approval request withdrawn", closed.stamp().actor());
				versions.save(v);
			});
		}
	}

	private SoaView view(SoaDocument document, SoaVersion version, List<SoaVersion> all) {
		List<org.openaims.compliance.internal.SoaVersionLines.Line> lines = org.openaims.compliance.internal.SoaVersionLines.of(version);
		Collection<UUID> ids = lines.stream().map(l -> l.requirementId()).toList();
		Map<UUID, RequirementView> requirements = new HashMap<>();
		catalog.requirements(ids).forEach(r -> requirements.put(r.id(), r));
		Map<UUID, List<String>> selected = new HashMap<>();
		selections.forEach(s -> s.selections(ids).forEach((k, v) -> selected.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v)));
		List<SoaEntryView> entries = lines.stream().map(l -> {
			RequirementView r = requirements.get(l.requirementId());
			return new SoaEntryView(l.requirementId(), l.refId(), r == null ? null : r.name(), l.position(), l.applicable(),
					l.justification(), l.status(), l.owner(), l.evidence(), l.lastReviewed(), selected.getOrDefault(l.requirementId(), List.of()));
		}).toList();
		List<ApprovalView> requests = approvals.forItem(SoaVersionItems.TYPE, version.id().toString());
		String frameworkName = catalog.frameworkName(document.frameworkId());
		return new SoaView(document.id(), document.frameworkId(), frameworkName, document.title(), version.id(), version.versionNo(),
				version.status(), version.changeNote(), List.copyOf(version.editorSet()), version.createdAt(), version.updatedAt(),
				version.updatedBy(), version.approvedAt(), requests.isEmpty() ? null : requests.get(0), entries,
				all.stream().map(v -> new SoaView.VersionSummary(v.versionNo(), v.status(), v.updatedAt(), v.updatedBy(), v.approvedAt())).toList(),
				version.version());
	}

	private SoaVersion latestVersion(UUID id) {
		return versions.findBySoaIdOrderByVersionNoDesc(id).get(0);
	}

	private SoaDocument load(UUID id) {
		return documents.findById(id).orElseThrow(() -> new NotFoundException("Statement of Applicability", id));
	}
}
