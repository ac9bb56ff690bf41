package org.openaims.risk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.approvals.ApprovalService;
import org.openaims.catalog.CatalogService;
import org.openaims.catalog.FrameworkView;
import org.openaims.common.Actor;
import org.openaims.common.ConflictException;
import org.openaims.common.FieldProblem;
import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.identity.UserDirectory;
import org.openaims.inventory.AiSystemService;
import org.openaims.inventory.AiSystemVersionAdded;
import org.openaims.risk.internal.CriteriaRef;
import org.openaims.risk.internal.Risk;
import org.openaims.risk.internal.RiskCategories;
import org.openaims.risk.internal.RiskQueries;
import org.openaims.risk.internal.Risks;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Changes to the AI risk register (6.1.2-6.1.3, 8.2-8.3): risks of AI systems and of the
 * organization, assessed on the risk criteria in force, treated with actions that implement controls
 * (the Statement of Applicability shows them as "selected by"), and their residual level accepted
 * through an approval by a role the criteria allow for that level, never by who changed what is
 * accepted. A new version of an AI system flags its risks for reassessment. Owners, their authors,
 * AIMS managers and administrators change a risk; an action's owner marks it done;
 * {@link RiskViews} reads the register.
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

	private final RiskViews views;

	RiskService(Risks risks, RiskQueries queries, RiskCategories categories, RiskCriteriaService criteria, ApprovalService approvals,
			CatalogService catalog, AiSystemService systems, UserDirectory users, RiskViews views) {
		this.risks = risks;
		this.queries = queries;
		this.categories = categories;
		this.criteria = criteria;
		this.approvals = approvals;
		this.catalog = catalog;
		this.systems = systems;
		this.users = users;
		this.views = views;
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
		return views.get(risks.save(risk).id());
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
	 * the residual level; nobody who changed what is accepted since the last acceptance, nor the
	 * requester, may decide it.
	 */
	@PreAuthorize("isAuthenticated()")
	public RiskView requestAcceptance(UUID id, @Valid AcceptanceRequest request) {
		Risk risk = loadForChange(id);
		if (risk.residualCriteriaId() == null) {
			throw new ConflictException(risk.ref() + " has no residual assessment yet; assess the residual risk before asking to accept it");
		}
		RiskLevel level = criteria.version(risk.residualCriteriaId()).definition().byKey(risk.residualLevel());
		boolean voided = risk.prepareAcceptance(request.rationale(), CurrentUser.actor());
		risks.save(risk);
		if (voided) {
			approvals.contentChanged(risk.reviewRef(), "the rationale of the acceptance changed");
		}
		approvals.submit(risk.reviewRef(), risk.reviewDate(), "Residual level " + level.name() + ": " + request.rationale().strip());
		return views.get(id);
	}

	/**
	 * Marks a treatment action done: its owner may, as may whoever may change the risk. A pending or
	 * given acceptance becomes void (what it accepted changed).
	 */
	@PreAuthorize("isAuthenticated()")
	public RiskView markActionDone(RiskId id, UUID actionId, @Valid ActionDone done) {
		Risk risk = load(id.value());
		String me = CurrentUser.username();
		if (!mayChange(risk) && !risk.action(actionId).owner().equals(me)) {
			throw new AccessDeniedException("only the action's owner, the owner of " + risk.ref() + ", who entered it or an AIMS manager"
					+ " may mark the action done");
		}
		boolean voided = risk.markActionDone(actionId, done == null ? null : done.doneOn(), CurrentUser.actor());
		return saved(risk, voided);
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
		if (risk.close(reason.strip(), CurrentUser.actor())) {
			approvals.contentChanged(risk.reviewRef(), "the risk was closed");
		}
		return views.get(risks.save(risk).id());
	}

	/** A significant change of an AI system (a new version) flags its risks for reassessment (8.2); a minor one does not. */
	@ApplicationModuleListener
	void on(AiSystemVersionAdded added) {
		if (!added.flagsReassessment()) {
			return;
		}
		Actor actor = added.stamp().actor();
		for (Risk risk : risks.findByAiSystemId(added.aiSystemId())) {
			if (risk.status() != RiskStatus.CLOSED) {
				risk.flag("version " + added.label() + " of " + added.name() + " was registered", actor);
				risks.save(risk);
			}
		}
	}

	private RiskView saved(Risk risk, boolean acceptanceVoided) {
		Risk saved = risks.save(risk);
		if (acceptanceVoided) {
			approvals.contentChanged(risk.reviewRef(), "the risk's assessment or treatment changed");
		}
		return views.get(saved.id());
	}

	private boolean mayChange(Risk risk) {
		String me = CurrentUser.username();
		return CurrentUser.hasAnyRole(Role.ADMIN, Role.AIMS_MANAGER) || risk.owner().equals(me) || risk.createdBy().equals(me);
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
		for (String raw : refs) {
			String ref = raw.strip();
			try {
				UUID requirementId = catalog.requirementFor(ref).id();
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
}
