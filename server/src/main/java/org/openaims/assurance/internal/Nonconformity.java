package org.openaims.assurance.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.openaims.approvals.ItemRef;
import org.openaims.approvals.ReviewStatus;
import org.openaims.approvals.ReviewStep;
import org.openaims.approvals.ReviewableRecord;
import org.openaims.assurance.ActionDetails;
import org.openaims.assurance.ActionStatus;
import org.openaims.assurance.ActionUpdate;
import org.openaims.assurance.AssuranceEvent;
import org.openaims.assurance.NonconformityDetails;
import org.openaims.assurance.NonconformityId;
import org.openaims.assurance.NonconformitySource;
import org.openaims.assurance.NonconformityStatus;
import org.openaims.assurance.RootCauseMethod;
import org.openaims.assurance.Severity;
import org.openaims.common.Actor;
import org.openaims.common.ConflictException;
import org.openaims.common.Digests;
import org.openaims.common.FieldChange;
import org.openaims.common.NotFoundException;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A nonconformity (10.2): raised from a source, corrected and contained, its root cause analysed,
 * removed by corrective actions, their effectiveness reviewed — after every action is done, by someone
 * who owns none of them — and closed once that closure is approved by someone who did not write it.
 * Any change after the effectiveness review voids the review (and a requested or given closure).
 */
@Table("nonconformities")
public class Nonconformity extends ReviewableRecord<Nonconformity> {

	public static final String SUBJECT = NonconformityId.REVIEW.key();

	@Id
	private UUID id;

	@Version
	private Long version;

	private String title;

	private String description;

	private NonconformitySource source;

	private String sourceRef;

	private UUID requirementId;

	private String requirementRef;

	private UUID aiSystemId;

	private Severity severity;

	private NonconformityStatus status;

	private String owner;

	private String correction;

	private String containment;

	private RootCauseMethod rootCauseMethod;

	private String rootCause;

	private String effectivenessReviewedBy;

	private Instant effectivenessReviewedAt;

	private Boolean effective;

	private String effectivenessNote;

	private String dismissedReason;

	private Instant raisedAt;

	private String raisedBy;

	private Instant closedAt;

	private Instant updatedAt;

	private String updatedBy;

	@MappedCollection(idColumn = "nonconformity_id", keyColumn = "list_index")
	private List<CorrectiveAction> actions = new ArrayList<>();

	Nonconformity() {
	}

	/** Raised by a person (open) or by the system ({@code candidate}: someone accepts or dismisses it). */
	public static Nonconformity raise(NonconformityDetails d, String requirementRef, boolean candidate, Actor actor) {
		Nonconformity n = new Nonconformity();
		n.id = UUID.randomUUID();
		n.source = d.source();
		n.sourceRef = Texts.blank(d.sourceRef());
		n.status = candidate ? NonconformityStatus.CANDIDATE : NonconformityStatus.OPEN;
		n.apply(d, requirementRef);
		n.raisedAt = Instant.now();
		n.raisedBy = actor.username();
		n.updatedAt = n.raisedAt;
		n.updatedBy = actor.username();
		n.startReview(actor);
		Map<String, Object> values = n.snapshot();
		values.put("source", n.source);
		values.put("sourceRef", n.sourceRef);
		values.put("status", n.status);
		n.registerEvent(new AssuranceEvent(candidate ? "NonconformityCandidateRaised" : "NonconformityRaised", Subject.of(SUBJECT, n.id),
				values, Stamp.of(actor)));
		return n;
	}

	public void change(NonconformityDetails d, String requirementRef, Actor actor) {
		requireActive();
		Map<String, Object> before = snapshot();
		apply(d, requirementRef);
		Map<String, FieldChange> changes = FieldChange.diff(before, snapshot());
		if (!changes.isEmpty()) {
			changed("NonconformityUpdated", new LinkedHashMap<>(changes), actor);
		}
	}

	/** A candidate becomes a nonconformity (accepted) or is dismissed with a reason. */
	public void decideCandidate(boolean accept, String reason, Actor actor) {
		if (status != NonconformityStatus.CANDIDATE) {
			throw new ConflictException("'" + title + "' is " + words(status) + ", not a candidate");
		}
		status = accept ? NonconformityStatus.OPEN : NonconformityStatus.DISMISSED;
		dismissedReason = accept ? null : reason;
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("status", new FieldChange(NonconformityStatus.CANDIDATE, status));
		if (reason != null) {
			values.put("reason", reason);
		}
		touch(actor);
		registerEvent(new AssuranceEvent(accept ? "NonconformityAccepted" : "NonconformityDismissed", Subject.of(SUBJECT, id), values,
				Stamp.of(actor)));
	}

	public CorrectiveAction addAction(ActionDetails d, Actor actor) {
		requireOpen();
		CorrectiveAction action = new CorrectiveAction(UUID.randomUUID(), d.description().strip(), d.owner().strip(), d.dueDate());
		actions.add(action);
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("action", action.id.toString());
		values.put("description", action.description);
		values.put("owner", action.owner);
		values.put("dueDate", action.dueDate.toString());
		changed("CorrectiveActionAdded", values, actor);
		return action;
	}

	public void updateAction(UUID actionId, ActionUpdate update, Actor actor) {
		requireOpen();
		CorrectiveAction action = action(actionId);
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("action", actionId.toString());
		if (action.status != update.status()) {
			values.put("status", new FieldChange(action.status, update.status()));
		}
		if (update.evidenceId() != null && !update.evidenceId().equals(action.evidenceId)) {
			values.put("evidenceId", new FieldChange(action.evidenceId, update.evidenceId()));
			action.evidenceId = update.evidenceId();
		}
		if (update.note() != null && !update.note().isBlank()) {
			values.put("note", update.note().strip());
		}
		if (values.size() == 1) {
			return;
		}
		action.status = update.status();
		action.doneAt = update.status() == ActionStatus.DONE ? Instant.now() : null;
		changed("CorrectiveActionUpdated", values, actor);
	}

	/** The effectiveness review (10.2 e): every action done, by someone who owns none of them. */
	public void reviewEffectiveness(boolean wasEffective, String note, Actor actor) {
		requireOpen();
		if (rootCause == null) {
			throw new ConflictException("'" + title + "' has no root cause yet; its effectiveness is reviewed after the actions that remove it");
		}
		long open = actions.stream().filter(a -> a.status == ActionStatus.OPEN).count();
		if (open > 0) {
			throw new ConflictException(open + " corrective action(s) of '" + title + "' are not done yet; the effectiveness is reviewed after every action is done");
		}
		if (actions.stream().noneMatch(a -> a.status == ActionStatus.DONE)) {
			throw new ConflictException("'" + title + "' has no corrective action done yet; its effectiveness is reviewed once they are");
		}
		if (actionOwners().contains(actor.username())) {
			throw new ConflictException(actor.username() + " owns a corrective action of '" + title
					+ "'; the effectiveness is reviewed by someone other than the action owners");
		}
		effectivenessReviewedBy = actor.username();
		effectivenessReviewedAt = Instant.now();
		effective = wasEffective;
		effectivenessNote = Texts.blank(note);
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("effective", wasEffective);
		values.put("note", effectivenessNote);
		touch(actor);
		registerEvent(new AssuranceEvent("NonconformityEffectivenessReviewed", Subject.of(SUBJECT, id), values, Stamp.of(actor)));
	}

	/** What closure needs; throws naming what is missing. */
	public void requireClosable() {
		requireOpen();
		if (rootCause == null || rootCauseMethod == null) {
			throw new ConflictException("'" + title + "' cannot close: its root cause and the method that found it are not recorded");
		}
		if (actions.stream().noneMatch(a -> a.status == ActionStatus.DONE)) {
			throw new ConflictException("'" + title + "' cannot close: no corrective action is done");
		}
		if (actions.stream().anyMatch(a -> a.status == ActionStatus.OPEN)) {
			throw new ConflictException("'" + title + "' cannot close: not every corrective action is done");
		}
		if (effectivenessReviewedBy == null) {
			throw new ConflictException("'" + title + "' cannot close: the effectiveness of its actions has not been reviewed");
		}
		if (!Boolean.TRUE.equals(effective)) {
			throw new ConflictException("'" + title + "' cannot close: the effectiveness review found the actions not effective");
		}
	}

	public void reviewed(ReviewStep step) {
		if (step.to() == ReviewStatus.SUBMITTED) {
			requireClosable();
		}
		recordStep(step);
		if (step.to() == ReviewStatus.APPROVED) {
			status = NonconformityStatus.CLOSED;
			closedAt = step.stamp().at();
		}
	}

	private void changed(String event, Map<String, Object> values, Actor actor) {
		boolean hadReview = effectivenessReviewedBy != null;
		effectivenessReviewedBy = null;
		effectivenessReviewedAt = null;
		effective = null;
		effectivenessNote = null;
		if (hadReview) {
			values.put("effectivenessReview", "void: the nonconformity changed after it");
		}
		touch(actor);
		registerEvent(new AssuranceEvent(event, Subject.of(SUBJECT, id), values, Stamp.of(actor)));
		contentChangedBy(actor, "the nonconformity changed");
	}

	private void touch(Actor actor) {
		updatedAt = Instant.now();
		updatedBy = actor.username();
	}

	private void requireActive() {
		if (status == NonconformityStatus.CLOSED || status == NonconformityStatus.DISMISSED) {
			throw new ConflictException("'" + title + "' is " + words(status));
		}
	}

	private void requireOpen() {
		if (status != NonconformityStatus.OPEN) {
			throw new ConflictException("'" + title + "' is " + words(status) + "; only an open nonconformity is worked on");
		}
	}

	private static String words(Enum<?> e) {
		return e.name().toLowerCase().replace('_', ' ');
	}

	private void apply(NonconformityDetails d, String reqRef) {
		title = d.title().strip();
		description = Texts.blank(d.description());
		requirementId = d.requirementId();
		requirementRef = reqRef;
		aiSystemId = d.aiSystemId();
		severity = d.severity();
		owner = d.owner().strip();
		correction = Texts.blank(d.correction());
		containment = Texts.blank(d.containment());
		rootCauseMethod = d.rootCauseMethod();
		rootCause = Texts.blank(d.rootCause());
	}

	private Map<String, Object> snapshot() {
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("title", title);
		v.put("description", description);
		v.put("requirement", requirementRef);
		v.put("aiSystemId", aiSystemId == null ? null : aiSystemId.toString());
		v.put("severity", severity);
		v.put("owner", owner);
		v.put("correction", correction);
		v.put("containment", containment);
		v.put("rootCauseMethod", rootCauseMethod);
		v.put("rootCause", rootCause);
		return v;
	}

	public CorrectiveAction action(UUID actionId) {
		return actions.stream().filter(a -> a.id.equals(actionId)).findFirst()
			.orElseThrow(() -> new NotFoundException("corrective action", actionId));
	}

	public Set<String> actionOwners() {
		Set<String> owners = new TreeSet<>();
		actions.forEach(a -> owners.add(a.owner));
		return owners;
	}

	/** What the record waits for. */
	public String stage() {
		return switch (status) {
			case CANDIDATE -> "to be accepted or dismissed";
			case DISMISSED -> "dismissed";
			case CLOSED -> "closed";
			case OPEN -> {
				if (review().isSubmitted()) {
					yield "closure awaiting approval";
				}
				if (rootCause == null) {
					yield "root cause to analyse";
				}
				if (actions.stream().noneMatch(a -> a.status != ActionStatus.CANCELLED)) {
					yield "corrective actions to plan";
				}
				if (actions.stream().anyMatch(a -> a.status == ActionStatus.OPEN)) {
					yield "corrective actions in progress";
				}
				if (effectivenessReviewedBy == null) {
					yield "effectiveness to review";
				}
				yield Boolean.TRUE.equals(effective) ? "closure to request" : "not effective: more actions needed";
			}
		};
	}

	public List<String> lines() {
		List<String> lines = new ArrayList<>();
		lines.add("Nonconformity: " + title + " (" + severity + ", " + source + ")");
		lines.add("Requirement: " + (requirementRef == null ? "(none)" : requirementRef));
		lines.add("Owner: " + owner);
		lines.add("Correction: " + (correction == null ? "(none)" : correction));
		lines.add("Containment: " + (containment == null ? "(none)" : containment));
		lines.add("Root cause (" + (rootCauseMethod == null ? "no method" : rootCauseMethod) + "): " + (rootCause == null ? "(none)" : rootCause));
		actions.forEach(a -> lines.add("Action: " + a.description + " — " + a.owner + ", due " + a.dueDate + ", " + a.status));
		lines.add("Effectiveness: " + (effectivenessReviewedBy == null ? "not reviewed"
				: (Boolean.TRUE.equals(effective) ? "effective" : "not effective") + " (" + effectivenessReviewedBy + ")"
						+ (effectivenessNote == null ? "" : ": " + effectivenessNote)));
		return lines;
	}

	@Override
	public ItemRef<NonconformityId> reviewRef() {
		return NonconformityId.REVIEW.ref(new NonconformityId(id));
	}

	@Override
	public String reviewDigest() {
		return Digests.ofLines("nonconformity", id, lines());
	}

	@Override
	protected String reviewTitle() {
		return "nonconformity '" + title + "'";
	}

	public List<CorrectiveAction> actions() {
		return List.copyOf(actions);
	}

	public UUID id() {
		return id;
	}

	public long version() {
		return version == null ? 0 : version;
	}

	public String title() {
		return title;
	}

	public String description() {
		return description;
	}

	public NonconformitySource source() {
		return source;
	}

	public String sourceRef() {
		return sourceRef;
	}

	public UUID requirementId() {
		return requirementId;
	}

	public String requirementRef() {
		return requirementRef;
	}

	public UUID aiSystemId() {
		return aiSystemId;
	}

	public Severity severity() {
		return severity;
	}

	public NonconformityStatus status() {
		return status;
	}

	public String owner() {
		return owner;
	}

	public String correction() {
		return correction;
	}

	public String containment() {
		return containment;
	}

	public RootCauseMethod rootCauseMethod() {
		return rootCauseMethod;
	}

	public String rootCause() {
		return rootCause;
	}

	public String effectivenessReviewedBy() {
		return effectivenessReviewedBy;
	}

	public Instant effectivenessReviewedAt() {
		return effectivenessReviewedAt;
	}

	public Boolean effective() {
		return effective;
	}

	public String effectivenessNote() {
		return effectivenessNote;
	}

	public String dismissedReason() {
		return dismissedReason;
	}

	public Instant raisedAt() {
		return raisedAt;
	}

	public String raisedBy() {
		return raisedBy;
	}

	public Instant closedAt() {
		return closedAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	public String updatedBy() {
		return updatedBy;
	}

	public static LocalDate today() {
		return LocalDate.now(java.time.ZoneOffset.UTC);
	}
}
