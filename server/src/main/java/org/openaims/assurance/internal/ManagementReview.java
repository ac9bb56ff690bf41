package org.openaims.assurance.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openaims.approvals.ItemRef;
import org.openaims.approvals.ReviewStatus;
import org.openaims.approvals.ReviewStep;
import org.openaims.approvals.ReviewableRecord;
import org.openaims.assurance.ActionDetails;
import org.openaims.assurance.ActionStatus;
import org.openaims.assurance.ActionUpdate;
import org.openaims.assurance.AssuranceEvent;
import org.openaims.assurance.ManagementReviewId;
import org.openaims.assurance.ReviewDetails;
import org.openaims.assurance.ReviewMeetingStatus;
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
 * A management review (9.3): scheduled for a period, held (its input pack frozen as presented), its
 * output — minutes, decisions, actions — approved by top management. An edit of the output voids the
 * approval; an action's progress does not (actions are tracked to closure after the approval).
 */
@Table("management_reviews")
public class ManagementReview extends ReviewableRecord<ManagementReview> {

	public static final String SUBJECT = ManagementReviewId.REVIEW.key();

	@Id
	private UUID id;

	@Version
	private Long version;

	private String title;

	private LocalDate scheduledFor;

	private LocalDate periodStart;

	private LocalDate periodEnd;

	private String chair;

	private String attendees;

	private ReviewMeetingStatus status;

	private String minutes;

	private String decisions;

	private String inputPack;

	private Instant heldAt;

	private Instant createdAt;

	private String createdBy;

	private Instant updatedAt;

	private String updatedBy;

	@MappedCollection(idColumn = "review_id", keyColumn = "list_index")
	private List<ReviewAction> actions = new ArrayList<>();

	ManagementReview() {
	}

	public static ManagementReview schedule(ReviewDetails d, Actor actor) {
		ManagementReview r = new ManagementReview();
		r.id = UUID.randomUUID();
		r.status = ReviewMeetingStatus.SCHEDULED;
		r.apply(d);
		r.createdAt = Instant.now();
		r.createdBy = actor.username();
		r.updatedAt = r.createdAt;
		r.updatedBy = actor.username();
		r.startReview(actor);
		r.registerEvent(new AssuranceEvent("ManagementReviewScheduled", Subject.of(SUBJECT, r.id), r.snapshot(), Stamp.of(actor)));
		return r;
	}

	/** Edits the review; returns whether a review of its output or its approval became void. */
	public boolean change(ReviewDetails d, Actor actor) {
		Map<String, Object> before = snapshot();
		apply(d);
		Map<String, FieldChange> changes = FieldChange.diff(before, snapshot());
		if (changes.isEmpty()) {
			return false;
		}
		touch(actor);
		registerEvent(new AssuranceEvent("ManagementReviewUpdated", Subject.of(SUBJECT, id), new LinkedHashMap<>(changes), Stamp.of(actor)));
		return contentChangedBy(actor, "the management review's output was edited");
	}

	/** The review took place: the input pack is frozen as it was presented. */
	public void hold(String pack, String packDigest, Actor actor) {
		if (status == ReviewMeetingStatus.HELD) {
			throw new ConflictException("'" + title + "' was held already, on " + heldAt);
		}
		status = ReviewMeetingStatus.HELD;
		heldAt = Instant.now();
		inputPack = pack;
		touch(actor);
		registerEvent(new AssuranceEvent("ManagementReviewHeld", Subject.of(SUBJECT, id), Map.of("inputPackDigest", packDigest), Stamp.of(actor)));
	}

	public void updateAction(UUID actionId, ActionUpdate update, Actor actor) {
		ReviewAction action = actions.stream().filter(a -> a.id.equals(actionId)).findFirst()
			.orElseThrow(() -> new NotFoundException("review action", actionId));
		if (action.status == update.status() && (update.note() == null || update.note().isBlank())) {
			return;
		}
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("action", actionId.toString());
		values.put("status", new FieldChange(action.status, update.status()));
		if (update.note() != null && !update.note().isBlank()) {
			values.put("note", update.note().strip());
			action.note = update.note().strip();
		}
		action.status = update.status();
		action.doneAt = update.status() == ActionStatus.DONE ? Instant.now() : null;
		touch(actor);
		registerEvent(new AssuranceEvent("ManagementReviewActionUpdated", Subject.of(SUBJECT, id), values, Stamp.of(actor)));
	}

	public void reviewed(ReviewStep step) {
		if (step.to() == ReviewStatus.SUBMITTED) {
			if (status != ReviewMeetingStatus.HELD) {
				throw new ConflictException("'" + title + "' has not been held yet; its output is approved after the meeting");
			}
			if (minutes == null) {
				throw new ConflictException("'" + title + "' has no minutes yet");
			}
		}
		recordStep(step);
	}

	private void touch(Actor actor) {
		updatedAt = Instant.now();
		updatedBy = actor.username();
	}

	private void apply(ReviewDetails d) {
		title = d.title().strip();
		scheduledFor = d.scheduledFor();
		periodStart = d.periodStart();
		periodEnd = d.periodEnd();
		chair = d.chair().strip();
		attendees = Texts.join(d.attendees());
		minutes = Texts.blank(d.minutes());
		decisions = Texts.blank(d.decisions());
		Map<UUID, ReviewAction> existing = new HashMap<>();
		actions.forEach(a -> existing.put(a.id, a));
		List<ReviewAction> next = new ArrayList<>();
		if (d.actions() != null) {
			for (ActionDetails a : d.actions()) {
				ReviewAction kept = a.id() == null ? null : existing.get(a.id());
				if (kept == null) {
					next.add(new ReviewAction(UUID.randomUUID(), a.description().strip(), a.owner().strip(), a.dueDate()));
				}
				else {
					kept.description = a.description().strip();
					kept.owner = a.owner().strip();
					kept.dueDate = a.dueDate();
					next.add(kept);
				}
			}
		}
		actions.clear();
		actions.addAll(next);
	}

	private Map<String, Object> snapshot() {
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("title", title);
		v.put("scheduledFor", scheduledFor.toString());
		v.put("periodStart", periodStart.toString());
		v.put("periodEnd", periodEnd.toString());
		v.put("chair", chair);
		v.put("attendees", attendees);
		v.put("minutes", minutes);
		v.put("decisions", decisions);
		v.put("actions", actions.stream().map(a -> a.description + " — " + a.owner + ", due " + a.dueDate).toList());
		return v;
	}

	public List<String> lines() {
		List<String> lines = new ArrayList<>();
		lines.add("Management review: " + title + " on " + scheduledFor + " (period " + periodStart + " to " + periodEnd + ")");
		lines.add("Chair: " + chair + "; attendees: " + (attendees == null ? "(none)" : attendees));
		lines.add("Minutes: " + (minutes == null ? "(none)" : minutes));
		lines.add("Decisions: " + (decisions == null ? "(none)" : decisions));
		actions.forEach(a -> lines.add("Action: " + a.description + " — " + a.owner + ", due " + a.dueDate));
		return lines;
	}

	@Override
	public ItemRef<ManagementReviewId> reviewRef() {
		return ManagementReviewId.REVIEW.ref(new ManagementReviewId(id));
	}

	@Override
	public String reviewDigest() {
		return Digests.ofLines("management-review", id, lines());
	}

	@Override
	protected String reviewTitle() {
		return "management review '" + title + "'";
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

	public LocalDate scheduledFor() {
		return scheduledFor;
	}

	public LocalDate periodStart() {
		return periodStart;
	}

	public LocalDate periodEnd() {
		return periodEnd;
	}

	public String chair() {
		return chair;
	}

	public List<String> attendees() {
		return Texts.list(attendees);
	}

	public ReviewMeetingStatus status() {
		return status;
	}

	public String minutes() {
		return minutes;
	}

	public String decisions() {
		return decisions;
	}

	public String inputPack() {
		return inputPack;
	}

	public Instant heldAt() {
		return heldAt;
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

	public List<ReviewAction> actions() {
		return List.copyOf(actions);
	}
}
