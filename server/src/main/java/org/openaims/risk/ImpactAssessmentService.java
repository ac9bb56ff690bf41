package org.openaims.risk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.common.Actor;
import org.openaims.common.AggregateBatch;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.common.SortOptions;
import org.openaims.common.SqlWhere;
import org.openaims.common.ConflictException;
import org.openaims.common.FieldChange;
import org.openaims.common.FieldProblem;
import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
import org.openaims.approvals.ApprovalService;
import org.openaims.approvals.ApprovalView;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.identity.UserDirectory;
import org.openaims.inventory.AiSystemChanged;
import org.openaims.inventory.AiSystemService;
import org.openaims.inventory.AiSystemVersionAdded;
import org.openaims.inventory.AiSystemView;
import org.openaims.ledger.HistoryEntry;
import org.openaims.ledger.Ledger;
import org.openaims.risk.internal.CriteriaRef;
import org.openaims.risk.internal.CriteriaVersion;
import org.openaims.risk.internal.ImpactAssessment;
import org.openaims.risk.internal.ImpactAssessments;
import org.openaims.risk.internal.ImpactLine;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * AI system impact assessments (6.1.4, 8.4, A.5.2-A.5.5): one per version of a system, started from the
 * previous one, approved by someone who did not edit it, kept forever. A new version of the system or a
 * change of its intended use makes its assessments stale. AIMS managers, administrators, risk owners
 * and the system's owner write them; everyone signed in reads them.
 */
@Service
@Validated
@Transactional
public class ImpactAssessmentService {

	/** The ledger's subject type for impact assessments (also the approval item type). */
	public static final String SUBJECT = ImpactAssessmentId.REVIEW.key();

	private final ImpactAssessments assessments;

	private final RiskCriteriaService criteria;

	private final AiSystemService systems;

	private final ApprovalService approvals;

	private final UserDirectory users;

	private final Ledger ledger;

	private final AggregateBatch batch;

	private static final SortOptions<ImpactAssessment> SORTS = SortOptions
		.<ImpactAssessment>by("a.id", ImpactAssessment::id, "-created")
		.time("created", "a.created_at", ImpactAssessment::createdAt);

	ImpactAssessmentService(ImpactAssessments assessments, RiskCriteriaService criteria, AiSystemService systems,
			ApprovalService approvals, UserDirectory users, Ledger ledger, AggregateBatch batch) {
		this.batch = batch;
		this.assessments = assessments;
		this.criteria = criteria;
		this.systems = systems;
		this.approvals = approvals;
		this.users = users;
		this.ledger = ledger;
	}

	/**
	 * Starts the assessment of the system's current version: a draft filled from its latest assessment,
	 * or from the system's register entry when there is none.
	 */
	@PreAuthorize("hasAnyRole('ADMIN', 'AIMS_MANAGER', 'RISK_OWNER', 'SYSTEM_OWNER')")
	public ImpactAssessmentView start(UUID aiSystemId) {
		if (aiSystemId == null) {
			throw new InvalidInputException("aiSystemId", "must not be null");
		}
		AiSystemView system;
		try {
			system = systems.get(aiSystemId);
		}
		catch (NotFoundException e) {
			throw new InvalidInputException("aiSystemId", "no AI system has id " + aiSystemId);
		}
		if (system.retired()) {
			throw new ConflictException(system.name() + " is retired");
		}
		// A system owner starts assessments of their own systems only, as they edit only those.
		requireWriter(system);
		List<ImpactAssessment> existing = assessments.findByAiSystemIdOrderByCreatedAtDesc(aiSystemId);
		existing.stream().filter(a -> a.status() != AssessmentStatus.APPROVED).findFirst().ifPresent(open -> {
			throw new ConflictException("an impact assessment of " + system.name() + " is " + open.status().name().toLowerCase().replace('_', ' ')
					+ " already; continue that one");
		});
		ImpactAssessmentDetails basis;
		String from = null;
		if (existing.isEmpty()) {
			basis = new ImpactAssessmentDetails(system.intendedPurpose(), null, system.affectedParties(), null, List.of(), List.of(), null);
			from = "the AI system register";
		}
		else {
			basis = existing.get(0).details();
			from = "the assessment of " + (existing.get(0).systemVersion() == null ? "the first version" : "version " + existing.get(0).systemVersion());
		}
		ImpactAssessment started = ImpactAssessment.start(aiSystemId, system.latestVersion(), basis, CriteriaRef.of(criteria.inForce()), from,
				CurrentUser.actor());
		return view(assessments.save(started));
	}

	/** Changes a draft (or one under review, which goes back to draft and voids its request). */
	@PreAuthorize("isAuthenticated()")
	public ImpactAssessmentView edit(UUID id, @Valid ImpactAssessmentDetails details) {
		ImpactAssessment assessment = load(id);
		AiSystemView system = systems.get(assessment.aiSystemId());
		requireWriter(system);
		if (details.version() != null && details.version() != assessment.version()) {
			throw new ConflictException("the impact assessment was changed by someone else since you loaded it; reload and try again");
		}
		List<FieldProblem> problems = new ArrayList<>();
		List<String> reviewers = details.reviewers() == null ? List.of() : details.reviewers();
		for (int i = 0; i < reviewers.size(); i++) {
			if (!users.isActive(reviewers.get(i).strip())) {
				problems.add(new FieldProblem("reviewers[" + i + "]", "no active user is named '" + reviewers.get(i) + "'"));
			}
		}
		InvalidInputException.throwIfAny(problems);
		if (assessment.edit(details, system.latestVersion(), CriteriaRef.of(criteria.inForce()), CurrentUser.actor())) {
			approvals.contentChanged(assessment.reviewRef(), "the impact assessment changed after approval was asked for");
		}
		return view(assessments.save(assessment));
	}

	/** Submits a draft for approval by an approver, AIMS manager or administrator who did not edit it. */
	@PreAuthorize("isAuthenticated()")
	public ImpactAssessmentView submit(UUID id) {
		ImpactAssessment assessment = load(id);
		AiSystemView system = systems.get(assessment.aiSystemId());
		requireWriter(system);
		approvals.submit(assessment.reviewRef(), null,
				"Impact assessment of " + system.name() + (assessment.systemVersion() == null ? "" : " " + assessment.systemVersion()));
		return get(id);
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public ImpactAssessmentView get(UUID id) {
		return view(load(id));
	}

	/** A page of assessments, newest first; filters optional (system, stale, status). */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Page<ImpactAssessmentView> list(UUID aiSystemId, Boolean stale, AssessmentStatus status, PageRequest request) {
		SqlWhere where = new SqlWhere().and("a.ai_system_id = :system", "system", aiSystemId)
			.and("a.stale = :stale", "stale", stale)
			.and("a.status = :status", "status", status);
		SortOptions<ImpactAssessment>.Sorting sorting = SORTS.apply(request, where);
		Page<ImpactAssessment> page = sorting.page(batch.query(ImpactAssessment.class,
				"SELECT a.* FROM impact_assessments a" + where.sql() + sorting.orderByAndLimit(), where.params()));
		return views(page.items(), page.next());
	}

	/** Every assessment of one system, newest first. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<ImpactAssessmentView> forSystem(UUID aiSystemId) {
		return views(assessments.findByAiSystemIdOrderByCreatedAtDesc(aiSystemId), null).items();
	}

	private Page<ImpactAssessmentView> views(List<ImpactAssessment> found, String next) {
		Map<UUID, String> names = systems.names(found.stream().map(ImpactAssessment::aiSystemId).distinct().toList());
		Map<UUID, CriteriaVersion> scales = new HashMap<>();
		return new Page<>(found.stream()
			.map(a -> view(a, names.get(a.aiSystemId()), scales.computeIfAbsent(a.criteriaId(), criteria::version), null))
			.toList(), next);
	}

	/** The latest assessment of each system, if any. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Map<UUID, ImpactAssessmentView> latestBySystem() {
		Map<UUID, ImpactAssessmentView> latest = new HashMap<>();
		PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
		while (request != null) {
			Page<ImpactAssessmentView> page = list(null, null, null, request);
			page.items().forEach(a -> latest.putIfAbsent(a.aiSystemId(), a));
			request = page.next() == null ? null : request.withAfter(page.next());
		}
		return latest;
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<HistoryEntry> history(UUID id) {
		load(id);
		// Approval events have the same subject (item type "impact-assessment", the assessment's id).
		return ledger.history(SUBJECT, id.toString());
	}

	/** Whether the signed-in user may write assessments of the system (for buttons). */
	public boolean mayWrite(UUID aiSystemId) {
		return CurrentUser.hasAnyRole(Role.ADMIN, Role.AIMS_MANAGER, Role.RISK_OWNER)
				|| (CurrentUser.hasAnyRole(Role.SYSTEM_OWNER) && CurrentUser.username().equals(systems.get(aiSystemId).owner()));
	}

	/** A significant new version makes the system's assessments stale (8.4); a minor one does not. */
	@ApplicationModuleListener
	void on(AiSystemVersionAdded added) {
		if (!added.flagsReassessment()) {
			return;
		}
		stale(added.aiSystemId(), "version " + added.label() + " of " + added.name() + " was registered", added.stamp().actor());
	}

	/** A change of the intended use makes them stale too. */
	@ApplicationModuleListener
	void on(AiSystemChanged changed) {
		FieldChange purpose = changed.changes().get("intendedPurpose");
		if (purpose != null) {
			stale(changed.aiSystemId(), "the intended use of " + changed.name() + " changed", changed.stamp().actor());
		}
	}

	private void stale(UUID aiSystemId, String reason, Actor actor) {
		for (ImpactAssessment a : assessments.findByAiSystemIdOrderByCreatedAtDesc(aiSystemId)) {
			if (a.becomeStale(reason, actor)) {
				approvals.contentChanged(a.reviewRef(), "the impact assessment became stale: " + reason);
			}
			assessments.save(a);
		}
	}

	private void requireWriter(AiSystemView system) {
		if (!CurrentUser.hasAnyRole(Role.ADMIN, Role.AIMS_MANAGER, Role.RISK_OWNER)
				&& !(CurrentUser.hasAnyRole(Role.SYSTEM_OWNER) && CurrentUser.username().equals(system.owner()))) {
			throw new AccessDeniedException("only the owner of " + system.name() + ", a risk owner or an AIMS manager may write its impact assessment");
		}
	}

	private ImpactAssessment load(UUID id) {
		return assessments.findById(id).orElseThrow(() -> new NotFoundException("impact assessment", id));
	}

	private ImpactAssessmentView view(ImpactAssessment a) {
		return view(a, systems.names(List.of(a.aiSystemId())).get(a.aiSystemId()), criteria.version(a.criteriaId()),
				approvals.latest(a.reviewRef()).orElse(null));
	}

	private static ImpactAssessmentView view(ImpactAssessment a, String systemName, CriteriaVersion c, ApprovalView approval) {
		CriteriaDefinition def = c.definition();
		List<ImpactAssessmentView.Impact> impacts = new ArrayList<>();
		for (ImpactLine l : a.impacts()) {
			RiskLevel level = def.level(l.likelihood(), l.severity());
			impacts.add(new ImpactAssessmentView.Impact(l.area(), l.area().societal(), l.description(), l.severity(),
					def.impact().get(l.severity() - 1).name(), l.likelihood(), def.likelihood().get(l.likelihood() - 1).name(), level.key(),
					level.name(), l.mitigation()));
		}
		return new ImpactAssessmentView(a.id(), a.aiSystemId(), systemName, a.systemVersion(), a.status(), a.stale(), a.staleReason(),
				a.staleSince(), c.versionNo(), a.intendedUse(), a.foreseeableMisuse(), a.affectedGroups(), a.vulnerableGroups(),
				a.reviewerList(), impacts, List.copyOf(a.editorSet()), a.createdAt(), a.createdBy(), a.updatedAt(), a.updatedBy(),
				a.approvedAt(), approval, a.version());
	}
}
