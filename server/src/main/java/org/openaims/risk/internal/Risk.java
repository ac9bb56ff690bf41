package org.openaims.risk.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.openaims.approvals.ItemRef;
import org.openaims.approvals.ReviewableRecord;
import org.openaims.approvals.ReviewStep;
import org.openaims.common.Actor;
import org.openaims.common.ConflictException;
import org.openaims.common.Digests;
import org.openaims.common.FieldChange;
import org.openaims.common.FieldProblem;
import org.openaims.common.InvalidInputException;
import org.openaims.common.Stamp;
import org.openaims.risk.ActionInput;
import org.openaims.risk.ActionStatus;
import org.openaims.risk.RiskActionDone;
import org.openaims.risk.RiskAssessed;
import org.openaims.risk.RiskChanged;
import org.openaims.risk.RiskDetails;
import org.openaims.risk.RiskFlagged;
import org.openaims.risk.RiskId;
import org.openaims.risk.RiskIdentified;
import org.openaims.risk.RiskStatus;
import org.openaims.risk.RiskTreatmentPlanned;
import org.openaims.risk.ScoreKind;
import org.openaims.risk.Scores;
import org.openaims.risk.Treatment;
import org.openaims.risk.TreatmentOption;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A risk of the AI risk register (6.1.2-6.1.3, 8.2-8.3): assessed on a version of the risk criteria,
 * treated with actions that implement controls, its residual level accepted through an approval by a
 * role allowed for that level. Every assessment, treatment and acceptance registers an event.
 */
@Table("risks")
public class Risk extends ReviewableRecord<Risk> {

	@Id
	private UUID id;

	@Version
	private Long version;

	private int refNo;

	private String title;

	private String description;

	private UUID aiSystemId;

	private String category;

	private String cause;

	@Column("risk_source")
	private String source;

	private String consequenceOrganization;

	private String consequenceIndividuals;

	private String consequenceSociety;

	private String existingControls;

	private String owner;

	private LocalDate reviewDate;

	private RiskStatus status;

	private UUID criteriaId;

	private int inherentLikelihood;

	private int inherentImpact;

	private String inherentLevel;

	private TreatmentOption treatmentOption;

	private String treatmentNote;

	private Integer targetLikelihood;

	private Integer targetImpact;

	private UUID residualCriteriaId;

	private Integer residualLikelihood;

	private Integer residualImpact;

	private String residualLevel;

	private String acceptanceRationale;

	private Instant acceptedAt;

	private String acceptedBy;

	private boolean reassessmentDue;

	private String reassessmentReason;

	@MappedCollection(idColumn = "risk_id")
	private Set<RiskAction> actions = new HashSet<>();

	@MappedCollection(idColumn = "risk_id")
	private Set<RiskActionControl> controls = new HashSet<>();

	private Instant createdAt;

	private String createdBy;

	private Instant updatedAt;

	private String updatedBy;

	Risk() {
	}

	/** Enters a risk with its inherent scores on the criteria in force. */
	public static Risk identify(int refNo, RiskDetails d, CriteriaRef criteria, Actor actor) {
		checkScores(criteria, d.inherentLikelihood(), "inherentLikelihood", d.inherentImpact(), "inherentImpact");
		Risk r = new Risk();
		r.id = UUID.randomUUID();
		r.refNo = refNo;
		r.status = RiskStatus.OPEN;
		r.apply(d);
		r.score(criteria, d.inherentLikelihood(), d.inherentImpact());
		r.createdAt = Instant.now();
		r.createdBy = actor.username();
		r.updatedAt = r.createdAt;
		r.updatedBy = r.createdBy;
		r.startReview(actor);
		r.registerEvent(new RiskIdentified(r.id, r.ref(), r.title, r.aiSystemId, r.category, r.owner, Stamp.of(actor)));
		r.registerEvent(new RiskAssessed(r.id, r.ref(), ScoreKind.INHERENT, criteria.versionNo(), r.inherentLikelihood, r.inherentImpact,
				r.inherentLevel, "first assessment", Stamp.of(actor)));
		return r;
	}

	/**
	 * Changes what the risk is about; changed inherent scores are a reassessment on the criteria in
	 * force. Returns whether an acceptance (pending or given) became void.
	 */
	public boolean change(RiskDetails d, CriteriaRef inForce, Actor actor) {
		requireOpen();
		Map<String, Object> before = fields();
		boolean rescored = d.inherentLikelihood() != inherentLikelihood || d.inherentImpact() != inherentImpact;
		if (rescored) {
			checkScores(inForce, d.inherentLikelihood(), "inherentLikelihood", d.inherentImpact(), "inherentImpact");
		}
		String acceptanceBefore = acceptanceSnapshot();
		apply(d);
		Map<String, FieldChange> changes = FieldChange.diff(before, fields());
		if (!changes.isEmpty()) {
			touch(actor);
			registerEvent(new RiskChanged(id, ref(), changes, Stamp.of(actor)));
		}
		if (rescored) {
			assessInherent(new Scores(d.inherentLikelihood(), d.inherentImpact(), "changed with the risk"), inForce, actor);
		}
		return voidAcceptanceIfChanged(acceptanceBefore, actor);
	}

	/** Reassesses the inherent scores on the criteria in force; clears a pending reassessment. */
	public boolean assess(Scores scores, CriteriaRef inForce, Actor actor) {
		requireOpen();
		checkScores(inForce, scores.likelihood(), "likelihood", scores.impact(), "impact");
		String acceptanceBefore = acceptanceSnapshot();
		assessInherent(scores, inForce, actor);
		touch(actor);
		return voidAcceptanceIfChanged(acceptanceBefore, actor);
	}

	private void assessInherent(Scores scores, CriteriaRef inForce, Actor actor) {
		score(inForce, scores.likelihood(), scores.impact());
		reassessmentDue = false;
		reassessmentReason = null;
		registerEvent(new RiskAssessed(id, ref(), ScoreKind.INHERENT, inForce.versionNo(), inherentLikelihood, inherentImpact,
				inherentLevel, blankToNull(scores.note()), Stamp.of(actor)));
	}

	/**
	 * Sets the treatment plan. {@code controls} holds, per action (same order as in the plan), the
	 * requirement ids it implements, resolved by the service. Returns whether an acceptance became void.
	 */
	public boolean plan(Treatment t, List<List<UUID>> controlsPerAction, CriteriaRef inForce, Actor actor) {
		requireOpen();
		List<FieldProblem> problems = new ArrayList<>();
		if ((t.targetLikelihood() == null) != (t.targetImpact() == null)) {
			problems.add(new FieldProblem(t.targetLikelihood() == null ? "targetLikelihood" : "targetImpact",
					"give both target scores or neither"));
		}
		else if (t.targetLikelihood() != null) {
			problems.addAll(inForce.definition().scoreProblems(t.targetLikelihood(), "targetLikelihood", t.targetImpact(), "targetImpact",
					inForce.versionNo()));
		}
		List<ActionInput> inputs = t.actions() == null ? List.of() : t.actions();
		Map<UUID, RiskAction> existing = new HashMap<>();
		actions.forEach(a -> existing.put(a.actionId(), a));
		Set<UUID> seen = new HashSet<>();
		List<RiskAction> newActions = new ArrayList<>();
		Set<RiskActionControl> newControls = new HashSet<>();
		for (int i = 0; i < inputs.size(); i++) {
			ActionInput in = inputs.get(i);
			String where = "actions[" + i + "]";
			UUID actionId = in.id() == null ? UUID.randomUUID() : in.id();
			if (in.id() != null && !existing.containsKey(in.id())) {
				problems.add(new FieldProblem(where + ".id", "is not an action of " + ref()));
				continue;
			}
			if (!seen.add(actionId)) {
				problems.add(new FieldProblem(where + ".id", "is listed twice"));
				continue;
			}
			ActionStatus st = in.status() == null ? ActionStatus.OPEN : in.status();
			LocalDate doneOn = in.doneOn();
			if (st == ActionStatus.DONE && doneOn == null) {
				doneOn = LocalDate.now();
			}
			if (st != ActionStatus.DONE && doneOn != null) {
				problems.add(new FieldProblem(where + ".doneOn", "only a DONE action has a completion date"));
			}
			newActions.add(new RiskAction(actionId, i, in.title().strip(), in.owner().strip(), in.dueDate(), st, doneOn));
			for (UUID requirementId : controlsPerAction.get(i)) {
				newControls.add(new RiskActionControl(actionId, requirementId));
			}
		}
		if (t.option() == TreatmentOption.MODIFY && newActions.stream().allMatch(a -> a.status() == ActionStatus.CANCELLED)) {
			problems.add(new FieldProblem("actions", "modifying a risk needs at least one treatment action"));
		}
		InvalidInputException.throwIfAny(problems);
		String acceptanceBefore = acceptanceSnapshot();
		Map<String, Object> before = treatmentFields();
		treatmentOption = t.option();
		treatmentNote = blankToNull(t.note());
		targetLikelihood = t.targetLikelihood();
		targetImpact = t.targetImpact();
		actions = new HashSet<>(newActions);
		controls = newControls;
		Map<String, FieldChange> changes = FieldChange.diff(before, treatmentFields());
		if (changes.isEmpty()) {
			return false;
		}
		if (status == RiskStatus.OPEN) {
			status = RiskStatus.TREATMENT;
		}
		touch(actor);
		registerEvent(new RiskTreatmentPlanned(id, ref(), treatmentOption, changes, Stamp.of(actor)));
		if (targetLikelihood != null && changes.containsKey("target")) {
			registerEvent(new RiskAssessed(id, ref(), ScoreKind.TARGET, inForce.versionNo(), targetLikelihood, targetImpact,
					inForce.definition().level(targetLikelihood, targetImpact).key(), "target after treatment", Stamp.of(actor)));
		}
		return voidAcceptanceIfChanged(acceptanceBefore, actor);
	}

	/**
	 * Marks one open treatment action done on {@code doneOn} (today when null, never in the future).
	 * Returns whether an acceptance became void (the treatment it accepted changed).
	 */
	public boolean markActionDone(UUID actionId, LocalDate doneOn, Actor actor) {
		requireOpen();
		RiskAction action = action(actionId);
		if (action.status() != ActionStatus.OPEN) {
			throw new ConflictException("the action '" + action.title() + "' is " + action.status().name().toLowerCase() + " already");
		}
		LocalDate on = doneOn == null ? LocalDate.now() : doneOn;
		if (on.isAfter(LocalDate.now())) {
			throw new InvalidInputException("doneOn", "an action is done today or earlier, not on " + on);
		}
		String before = acceptanceSnapshot();
		actions.remove(action);
		actions.add(new RiskAction(action.actionId(), action.position(), action.title(), action.owner(), action.dueDate(),
				ActionStatus.DONE, on));
		touch(actor);
		registerEvent(new RiskActionDone(id, ref(), actionId, action.title(), action.owner(), on, Stamp.of(actor)));
		return voidAcceptanceIfChanged(before, actor);
	}

	/** One of the risk's treatment actions; 404 when it has none with that id. */
	public RiskAction action(UUID actionId) {
		return actions.stream().filter(a -> a.actionId().equals(actionId)).findFirst()
			.orElseThrow(() -> new org.openaims.common.NotFoundException("treatment action of " + ref(), actionId));
	}

	/** Records the residual scores reached by the treatment, on the criteria in force. */
	public boolean assessResidual(Scores scores, CriteriaRef inForce, Actor actor) {
		requireOpen();
		checkScores(inForce, scores.likelihood(), "likelihood", scores.impact(), "impact");
		String acceptanceBefore = acceptanceSnapshot();
		residualCriteriaId = inForce.id();
		residualLikelihood = scores.likelihood();
		residualImpact = scores.impact();
		residualLevel = inForce.definition().level(residualLikelihood, residualImpact).key();
		if (status == RiskStatus.OPEN) {
			status = RiskStatus.TREATMENT;
		}
		touch(actor);
		registerEvent(new RiskAssessed(id, ref(), ScoreKind.RESIDUAL, inForce.versionNo(), residualLikelihood, residualImpact, residualLevel,
				blankToNull(scores.note()), Stamp.of(actor)));
		return voidAcceptanceIfChanged(acceptanceBefore, actor);
	}

	/**
	 * Readies the residual risk for an acceptance with its rationale: the residual level is assessed,
	 * no reassessment is due, and the treatment's actions are finished unless the risk is retained.
	 * The acceptance itself is asked for through the approvals, which then submit it.
	 */
	public boolean prepareAcceptance(String rationale, Actor actor) {
		requireOpen();
		if (residualLikelihood == null) {
			throw new ConflictException(ref() + " has no residual assessment yet; assess the residual risk before asking to accept it");
		}
		if (status == RiskStatus.ACCEPTANCE_REQUESTED) {
			throw new ConflictException("acceptance of " + ref() + " is pending already");
		}
		if (reassessmentDue) {
			throw new ConflictException(ref() + " must be reassessed first: " + reassessmentReason);
		}
		boolean openActions = actions.stream().anyMatch(a -> a.status() == ActionStatus.OPEN);
		if (openActions && treatmentOption != TreatmentOption.RETAIN) {
			throw new ConflictException(ref() + " has open treatment actions; finish or cancel them, or retain the risk");
		}
		String before = acceptanceSnapshot();
		acceptanceRationale = rationale.strip();
		boolean voided = voidAcceptanceIfChanged(before, actor);
		if (review().isApproved()) {
			throw new ConflictException(ref() + " is accepted already as it stands");
		}
		touch(actor);
		return voided;
	}

	/** A step of the acceptance's review: submitted, accepted (by the approver), or ended. */
	public void reviewed(ReviewStep step) {
		switch (step.to()) {
			case SUBMITTED -> {
				requireOpen();
				status = RiskStatus.ACCEPTANCE_REQUESTED;
				acceptedAt = null;
				acceptedBy = null;
			}
			case APPROVED -> {
				status = RiskStatus.ACCEPTED;
				acceptedAt = Instant.now();
				acceptedBy = step.stamp().actor().username();
			}
			case SENT_BACK, WITHDRAWN, INVALIDATED -> endAcceptance();
			default -> throw new IllegalArgumentException(step.to().name());
		}
		recordStep(step);
		if (step.to() == org.openaims.approvals.ReviewStatus.APPROVED) {
			forgetReviewAuthors();
		}
	}

	private void endAcceptance() {
		if (status == RiskStatus.ACCEPTANCE_REQUESTED || status == RiskStatus.ACCEPTED) {
			status = RiskStatus.TREATMENT;
		}
		acceptedAt = null;
		acceptedBy = null;
	}

	/** The risk's residual-risk acceptance as a reviewable item; its authors are who changed what it accepts since the last one. */
	@Override
	public String reviewDigest() {
		return acceptanceSnapshot();
	}

	@Override
	public ItemRef<RiskId> reviewRef() {
		return RiskId.ACCEPTANCE.ref(new RiskId(id));
	}

	@Override
	protected String reviewTitle() {
		return "acceptance of " + ref();
	}

	/** Marks the risk for reassessment (a significant change of its AI system). */
	public void flag(String reason, Actor actor) {
		if (status == RiskStatus.CLOSED) {
			return;
		}
		reassessmentDue = true;
		reassessmentReason = reason;
		registerEvent(new RiskFlagged(id, ref(), reason, Stamp.of(actor)));
	}

	/** Closes the risk (it no longer exists, e.g. the activity was stopped). */
	public boolean close(String reason, Actor actor) {
		requireOpen();
		boolean voided = review().isSubmitted() && invalidateReview("the risk was closed", Stamp.of(actor));
		Map<String, Object> before = fields();
		status = RiskStatus.CLOSED;
		touch(actor);
		Map<String, FieldChange> changes = new LinkedHashMap<>(FieldChange.diff(before, fields()));
		changes.put("reason", new FieldChange(null, reason));
		registerEvent(new RiskChanged(id, ref(), changes, Stamp.of(actor)));
		return voided;
	}

	/**
	 * Records who changed what an acceptance accepts; a pending or given acceptance of the content
	 * before the change becomes void. Returns whether one did.
	 */
	private boolean voidAcceptanceIfChanged(String before, Actor actor) {
		if (before.equals(acceptanceSnapshot())) {
			return false;
		}
		boolean voided = contentChangedBy(actor, "the risk's assessment or treatment changed after acceptance was asked for");
		if (voided) {
			endAcceptance();
		}
		return voided;
	}

	/** SHA-256 of what an acceptance accepts: the scores, the treatment and the rationale. */
	public String acceptanceSnapshot() {
		List<Object> parts = new ArrayList<>(List.of(ref(), String.valueOf(criteriaId), inherentLikelihood, inherentImpact,
				String.valueOf(residualCriteriaId), String.valueOf(residualLikelihood), String.valueOf(residualImpact),
				String.valueOf(treatmentOption), String.valueOf(targetLikelihood), String.valueOf(targetImpact),
				String.valueOf(acceptanceRationale)));
		sortedActions().forEach(a -> parts.add(a.actionId() + ":" + a.status() + ":" + a.title()));
		controls.stream().map(c -> c.actionId() + ">" + c.requirementId()).sorted().forEach(parts::add);
		return Digests.snapshot(parts.toArray());
	}

	private void score(CriteriaRef criteria, int likelihood, int impact) {
		criteriaId = criteria.id();
		inherentLikelihood = likelihood;
		inherentImpact = impact;
		inherentLevel = criteria.definition().level(likelihood, impact).key();
	}

	private static void checkScores(CriteriaRef criteria, Integer l, String lField, Integer i, String iField) {
		InvalidInputException.throwIfAny(criteria.definition().scoreProblems(l, lField, i, iField, criteria.versionNo()));
	}

	private void apply(RiskDetails d) {
		title = d.title().strip();
		description = blankToNull(d.description());
		aiSystemId = d.aiSystemId();
		category = d.category().strip();
		cause = blankToNull(d.cause());
		source = blankToNull(d.source());
		consequenceOrganization = blankToNull(d.consequenceOrganization());
		consequenceIndividuals = blankToNull(d.consequenceIndividuals());
		consequenceSociety = blankToNull(d.consequenceSociety());
		existingControls = blankToNull(d.existingControls());
		owner = d.owner().strip();
		reviewDate = d.reviewDate();
	}

	private Map<String, Object> fields() {
		Map<String, Object> f = new LinkedHashMap<>();
		f.put("title", title);
		f.put("description", description);
		f.put("aiSystemId", aiSystemId == null ? null : aiSystemId.toString());
		f.put("category", category);
		f.put("cause", cause);
		f.put("source", source);
		f.put("consequenceOrganization", consequenceOrganization);
		f.put("consequenceIndividuals", consequenceIndividuals);
		f.put("consequenceSociety", consequenceSociety);
		f.put("existingControls", existingControls);
		f.put("owner", owner);
		f.put("reviewDate", reviewDate == null ? null : reviewDate.toString());
		f.put("status", status == null ? null : status.name());
		return f;
	}

	private Map<String, Object> treatmentFields() {
		Map<String, Object> f = new LinkedHashMap<>();
		f.put("option", treatmentOption == null ? null : treatmentOption.name());
		f.put("note", treatmentNote);
		f.put("target", targetLikelihood == null ? null : targetLikelihood + "×" + targetImpact);
		Map<UUID, List<String>> controlsByAction = new HashMap<>();
		controls.forEach(c -> controlsByAction.computeIfAbsent(c.actionId(), k -> new ArrayList<>()).add(c.requirementId().toString()));
		for (RiskAction a : sortedActions()) {
			List<String> ids = controlsByAction.getOrDefault(a.actionId(), new ArrayList<>());
			ids.sort(Comparator.naturalOrder());
			f.put("action " + a.actionId(), a.title() + " | " + a.owner() + " | due " + a.dueDate() + " | " + a.status()
					+ (a.doneOn() == null ? "" : " on " + a.doneOn()) + " | controls " + ids);
		}
		return f;
	}

	private void requireOpen() {
		if (status == RiskStatus.CLOSED) {
			throw new ConflictException(ref() + " is closed");
		}
	}

	private void touch(Actor actor) {
		updatedAt = Instant.now();
		updatedBy = actor.username();
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	public List<RiskAction> sortedActions() {
		return actions.stream().sorted(Comparator.comparingInt(RiskAction::position)).toList();
	}

	/** The requirement ids each action implements. */
	public Map<UUID, List<UUID>> controlsByAction() {
		Map<UUID, List<UUID>> map = new HashMap<>();
		controls.forEach(c -> map.computeIfAbsent(c.actionId(), k -> new ArrayList<>()).add(c.requirementId()));
		return map;
	}

	public String ref() {
		return "RISK-" + refNo;
	}

	public UUID id() {
		return id;
	}

	public long version() {
		return version == null ? 0 : version;
	}

	public int refNo() {
		return refNo;
	}

	public String title() {
		return title;
	}

	public String description() {
		return description;
	}

	public UUID aiSystemId() {
		return aiSystemId;
	}

	public String category() {
		return category;
	}

	public String cause() {
		return cause;
	}

	public String source() {
		return source;
	}

	public String consequenceOrganization() {
		return consequenceOrganization;
	}

	public String consequenceIndividuals() {
		return consequenceIndividuals;
	}

	public String consequenceSociety() {
		return consequenceSociety;
	}

	public String existingControls() {
		return existingControls;
	}

	public String owner() {
		return owner;
	}

	public LocalDate reviewDate() {
		return reviewDate;
	}

	public RiskStatus status() {
		return status;
	}

	public UUID criteriaId() {
		return criteriaId;
	}

	public int inherentLikelihood() {
		return inherentLikelihood;
	}

	public int inherentImpact() {
		return inherentImpact;
	}

	public String inherentLevel() {
		return inherentLevel;
	}

	public TreatmentOption treatmentOption() {
		return treatmentOption;
	}

	public String treatmentNote() {
		return treatmentNote;
	}

	public Integer targetLikelihood() {
		return targetLikelihood;
	}

	public Integer targetImpact() {
		return targetImpact;
	}

	public UUID residualCriteriaId() {
		return residualCriteriaId;
	}

	public Integer residualLikelihood() {
		return residualLikelihood;
	}

	public Integer residualImpact() {
		return residualImpact;
	}

	public String residualLevel() {
		return residualLevel;
	}

	public String acceptanceRationale() {
		return acceptanceRationale;
	}

	public Instant acceptedAt() {
		return acceptedAt;
	}

	public String acceptedBy() {
		return acceptedBy;
	}

	public boolean reassessmentDue() {
		return reassessmentDue;
	}

	public String reassessmentReason() {
		return reassessmentReason;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public String createdBy() {
		return createdBy;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	public String updatedBy() {
		return updatedBy;
	}
}
