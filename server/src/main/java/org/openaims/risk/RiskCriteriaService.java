package org.openaims.risk;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.approvals.ApprovalService;
import org.openaims.approvals.ApprovalView;
import org.openaims.common.ConflictException;
import org.openaims.common.NotFoundException;
import org.openaims.identity.CurrentUser;
import org.openaims.ledger.HistoryEntry;
import org.openaims.ledger.Ledger;
import org.openaims.risk.internal.CriteriaVersion;
import org.openaims.risk.internal.CriteriaVersions;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Risk criteria (6.1.1) in versions: AIMS managers and administrators draft and edit them, an approver,
 * AIMS manager or administrator who did not edit a version approves it, and the newest approved version
 * is in force. Risks and impact assessments are scored on the version in force and keep it.
 */
@Service
@Validated
@Transactional
public class RiskCriteriaService {

	/** The ledger's subject type for versions of the risk criteria. */
	public static final String SUBJECT = "risk-criteria";

	private final CriteriaVersions versions;

	private final ApprovalService approvals;

	private final Ledger ledger;

	private final java.util.Map<UUID, Scoring> approvedScorings = new java.util.concurrent.ConcurrentHashMap<>();

	RiskCriteriaService(CriteriaVersions versions, ApprovalService approvals, Ledger ledger) {
		this.versions = versions;
		this.approvals = approvals;
		this.ledger = ledger;
	}

	/** Drafts a new version (there may be one draft or version under review at a time). */
	@PreAuthorize("hasAnyRole('ADMIN', 'AIMS_MANAGER')")
	public RiskCriteriaView draft(@Valid NewCriteria criteria) {
		CriteriaDefinition checked = criteria.definition().checked();
		versions.findFirstByOrderByVersionNoDesc().ifPresent(latest -> {
			if (latest.status() == CriteriaStatus.DRAFT || latest.status() == CriteriaStatus.IN_REVIEW) {
				throw new ConflictException("risk criteria version " + latest.versionNo() + " is still "
						+ latest.status().name().toLowerCase().replace('_', ' ') + "; change that one");
			}
		});
		int next = versions.findFirstByOrderByVersionNoDesc().map(v -> v.versionNo() + 1).orElse(1);
		return view(versions.save(CriteriaVersion.draft(next, checked, criteria.changeNote(), CurrentUser.actor())));
	}

	/** Changes a draft (or a version under review, which goes back to draft and voids its request). */
	@PreAuthorize("hasAnyRole('ADMIN', 'AIMS_MANAGER')")
	public RiskCriteriaView edit(UUID id, @Valid NewCriteria criteria) {
		CriteriaVersion version = load(id);
		CriteriaDefinition checked = criteria.definition().checked();
		if (version.edit(checked, criteria.changeNote(), CurrentUser.actor())) {
			approvals.contentChanged(version.reviewRef(), "the risk criteria changed after approval was asked for");
		}
		return view(versions.save(version));
	}

	/** Submits a draft for approval by an approver, AIMS manager or administrator who did not edit it. */
	@PreAuthorize("hasAnyRole('ADMIN', 'AIMS_MANAGER')")
	public RiskCriteriaView submit(UUID id) {
		CriteriaVersion version = load(id);
		approvals.submit(version.reviewRef(), null, "Risk criteria, version " + version.versionNo());
		return view(load(id));
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<RiskCriteriaView> list() {
		List<CriteriaVersion> all = versions.findAllByOrderByVersionNoDesc();
		Map<CriteriaVersionId, ApprovalView> latest = approvals.latest(CriteriaVersionId.REVIEW,
				all.stream().map(v -> new CriteriaVersionId(v.id())).toList());
		return all.stream().map(v -> view(v, latest.get(new CriteriaVersionId(v.id())))).toList();
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public RiskCriteriaView get(UUID id) {
		return view(load(id));
	}

	/** The version in force: the newest approved one. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public RiskCriteriaView current() {
		return view(inForce());
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<HistoryEntry> history(UUID id) {
		load(id);
		// Approval events of a version have the same subject (item type "risk-criteria", the version's id).
		return ledger.history(SUBJECT, id.toString());
	}

	/** The version in force, for scoring; 409 when no version was approved yet. */
	CriteriaVersion inForce() {
		return versions.findFirstByStatusOrderByVersionNoDesc(CriteriaStatus.APPROVED)
			.orElseThrow(() -> new ConflictException("no risk criteria are approved yet; an AIMS manager drafts them and an approver approves them first"));
	}

	/** Any version by id (for scoring under the version a risk was assessed with). */
	CriteriaVersion version(UUID id) {
		return load(id);
	}

	/** What scoring under a version needs: its number and its definition, parsed. */
	record Scoring(UUID id, int versionNo, CriteriaDefinition definition) {
	}

	/**
	 * The scoring of a version, kept once it was approved (its definition and number never change
	 * after that, whatever its status becomes): a page of risks does not read and parse its criteria.
	 */
	Scoring scoring(UUID id) {
		Scoring kept = approvedScorings.get(id);
		if (kept != null) {
			return kept;
		}
		CriteriaVersion version = load(id);
		Scoring scoring = new Scoring(version.id(), version.versionNo(), version.definition());
		if (version.status() == CriteriaStatus.APPROVED || version.status() == CriteriaStatus.SUPERSEDED) {
			approvedScorings.put(id, scoring);
		}
		return scoring;
	}

	private RiskCriteriaView view(CriteriaVersion v) {
		return view(v, approvals.latest(v.reviewRef()).orElse(null));
	}

	private static RiskCriteriaView view(CriteriaVersion v, ApprovalView approval) {
		return new RiskCriteriaView(v.id(), v.versionNo(), v.status(), v.definition(), v.changeNote(), List.copyOf(v.editorSet()),
				v.createdAt(), v.createdBy(), v.updatedAt(), v.updatedBy(), v.approvedAt(), approval, v.version());
	}

	private CriteriaVersion load(UUID id) {
		return versions.findById(id).orElseThrow(() -> new NotFoundException("risk criteria version", id));
	}
}
