package org.openaims.compliance;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.approvals.ApprovalService;
import org.openaims.catalog.CatalogService;
import org.openaims.catalog.FrameworkView;
import org.openaims.catalog.RequirementView;
import org.openaims.common.Actor;
import org.openaims.common.ConflictException;
import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
import org.openaims.common.Stamp;
import org.openaims.compliance.internal.SoaDocument;
import org.openaims.compliance.internal.SoaDocuments;
import org.openaims.compliance.internal.SoaVersion;
import org.openaims.compliance.internal.SoaVersions;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.UserDirectory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Statements of Applicability (6.1.3): one per framework, every control with its decision and
 * justification (both ways), status, owner, evidence and review date. AIMS managers and
 * administrators edit them; an edit of an approved version opens a new draft; a draft is approved
 * by an approver or AIMS manager who did not edit it, and is then immutable. {@link SoaViews}
 * reads them.
 */
@Service
@Validated
@Transactional
public class SoaService {

	/** The ledger's subject type for Statements of Applicability. */
	public static final String SUBJECT = "soa";

	private final SoaDocuments documents;

	private final SoaVersions versions;

	private final SoaViews views;

	private final CatalogService catalog;

	private final ApprovalService approvals;

	private final UserDirectory users;

	private final ApplicationEventPublisher events;

	SoaService(SoaDocuments documents, SoaVersions versions, SoaViews views, CatalogService catalog, ApprovalService approvals,
			UserDirectory users, ApplicationEventPublisher events) {
		this.documents = documents;
		this.versions = versions;
		this.views = views;
		this.catalog = catalog;
		this.approvals = approvals;
		this.users = users;
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
		return views.latest(document.id());
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
			approvals.contentChanged(current.reviewRef(), "the Statement of Applicability changed after approval was asked for");
		}
		versions.save(current);
		return views.latest(id);
	}

	/** Submits the latest draft for approval by an approver or AIMS manager who did not edit it. */
	@PreAuthorize("hasAnyRole('ADMIN', 'AIMS_MANAGER')")
	public SoaView submit(UUID id) {
		SoaDocument document = load(id);
		SoaVersion current = latestVersion(document.id());
		approvals.submit(current.reviewRef(), null, document.title() + ", version " + current.versionNo());
		return views.latest(id);
	}

	private SoaVersion latestVersion(UUID id) {
		return versions.findBySoaIdOrderByVersionNoDesc(id).get(0);
	}

	private SoaDocument load(UUID id) {
		return documents.findById(id).orElseThrow(() -> new NotFoundException("Statement of Applicability", id));
	}
}
