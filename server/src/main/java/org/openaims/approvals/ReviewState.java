package org.openaims.approvals;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.openaims.common.Actor;
import org.openaims.common.ConflictException;
import org.openaims.common.Stamp;

/**
 * The review state a reviewable record embeds (columns {@code review_status}, {@code review_approval_id},
 * {@code review_authors}, {@code review_changed_at}): where it stands (draft → submitted → approved |
 * sent back | withdrawn | invalidated), the approval request of its current review, and everyone who
 * changed its content since its last approval. Each step checks that it is allowed from where the
 * record stands and returns the named event the record's aggregate registers.
 *
 * <pre>
 * &#64;Embedded.Empty(prefix = "review_")
 * private ReviewState review = ReviewState.draft();
 * ...
 * public void reviewed(ReviewStep step) {
 *     registerEvent(review.step(TYPE.ref(new ThingId(id)), title, step));
 * }
 * </pre>
 */
public final class ReviewState {

	private static final int MAX_AUTHORS_LENGTH = 2000;

	private ReviewStatus status;

	private UUID approvalId;

	private String authors;

	private Instant changedAt;

	ReviewState() {
	}

	/** A new record's state: a draft without authors yet. */
	public static ReviewState draft() {
		ReviewState state = new ReviewState();
		state.status = ReviewStatus.DRAFT;
		state.authors = "";
		state.changedAt = Instant.now();
		return state;
	}

	/** A new record's state: a draft written by {@code author}. */
	public static ReviewState draftBy(Actor author) {
		ReviewState state = draft();
		state.authoredBy(author);
		return state;
	}

	/**
	 * A new version's state: a draft written by {@code author} on top of {@code previous}, whose
	 * authors stay authors unless {@code previous} was approved (their changes are then approved).
	 */
	public static ReviewState draftAfter(ReviewState previous, Actor author) {
		ReviewState state = draft();
		if (previous != null && !previous.isApproved()) {
			state.authors = String.join(",", previous.authors());
		}
		state.authoredBy(author);
		return state;
	}

	public ReviewStatus status() {
		return status == null ? ReviewStatus.DRAFT : status;
	}

	/** The approval request of the current (or last) review, if any. */
	public UUID approvalId() {
		return approvalId;
	}

	public Instant changedAt() {
		return changedAt;
	}

	/** Everyone who changed the content under review since its last approval. */
	public Set<String> authors() {
		return authors == null || authors.isBlank() ? Set.of() : new TreeSet<>(Arrays.asList(authors.split(",")));
	}

	public boolean isApproved() {
		return status() == ReviewStatus.APPROVED;
	}

	public boolean isSubmitted() {
		return status() == ReviewStatus.SUBMITTED;
	}

	/**
	 * Records that {@code actor} changed the content under review: they may not approve it. 409 when
	 * so many people changed it that the list is full (the record must be approved first).
	 */
	public void authoredBy(Actor actor) {
		Set<String> set = authors();
		if (set.contains(actor.username())) {
			return;
		}
		TreeSet<String> more = new TreeSet<>(set);
		more.add(actor.username());
		String joined = String.join(",", more);
		if (joined.length() > MAX_AUTHORS_LENGTH) {
			throw new ConflictException("so many people changed this record that their names no longer fit; have it approved first");
		}
		authors = joined;
	}

	/** Starts a new round of authorship after an approval (records reviewed again and again, like a risk's acceptance). */
	public void forgetAuthors() {
		authors = "";
	}

	/**
	 * New content replaces what was reviewed before (a new proposal): a draft again, without authors.
	 * 409 while the previous content is under review.
	 */
	public void newRound(String title) {
		if (isSubmitted()) {
			throw new ConflictException("'" + title + "' is under review; it must be decided or withdrawn first");
		}
		status = ReviewStatus.DRAFT;
		authors = "";
		changedAt = Instant.now();
	}

	/**
	 * Takes a step the approval life cycle reports; 409 when the step is not allowed from where the
	 * record stands. Returns the event to register.
	 */
	public ItemReviewed step(ItemRef<?> item, String title, ReviewStep step) {
		if (!status().allows(step.to())) {
			throw new ConflictException("'" + title + "' is " + words(status()) + "; it cannot be " + words(step.to()) + " now");
		}
		status = step.to();
		approvalId = step.approvalId();
		changedAt = step.stamp().at();
		return new ItemReviewed(item.type().eventPrefix() + step.to().eventSuffix(), item.subject().type(), item.itemId(), title, status,
				approvalId, step.reason(), step.stamp());
	}

	/**
	 * The content changed under a review or after an approval: the record is invalidated (and needs
	 * a new approval). Empty when it was neither submitted nor approved.
	 */
	public Optional<ItemReviewed> invalidate(ItemRef<?> item, String title, String reason, Stamp stamp) {
		if (!status().allows(ReviewStatus.INVALIDATED)) {
			return Optional.empty();
		}
		return Optional.of(step(item, title, new ReviewStep(approvalId, ReviewStatus.INVALIDATED, reason, stamp)));
	}

	private static String words(ReviewStatus status) {
		return status.name().toLowerCase().replace('_', ' ');
	}
}
