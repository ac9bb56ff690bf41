package org.openaims.approvals;

import java.util.Optional;

import org.openaims.common.Actor;
import org.openaims.common.Stamp;

import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Embedded;

/**
 * The base of an aggregate that is reviewed: it embeds the record's {@link ReviewState} (columns
 * {@code review_status}, {@code review_approval_id}, {@code review_authors}, {@code review_changed_at})
 * and registers the named event of each review step. A subclass names its reviewable reference and
 * title, starts the review when the record is made, reports who changes its content, and moves its
 * own status in {@code reviewed(ReviewStep)} before calling {@link #recordStep}.
 */
public abstract class ReviewableRecord<A extends ReviewableRecord<A>> extends AbstractAggregateRoot<A> {

	@Embedded.Empty(prefix = "review_")
	private ReviewState review;

	protected ReviewableRecord() {
	}

	/** The record as a reviewable item. */
	public abstract ItemRef<?> reviewRef();

	/**
	 * The digest of the content under review as it is now: the same value the record's
	 * {@link Reviewable} gives as {@link UnderReview#digest()}, or null while there is nothing to review.
	 * Kept beside the record's approval requests at every save, so lists show whether an item changed
	 * since its request without loading it.
	 */
	public abstract String reviewDigest();

	/** What the record is called in its review events and messages ("policy version 3"). */
	protected abstract String reviewTitle();

	public ReviewState review() {
		return review;
	}

	/** A new record: a draft written by {@code author}. */
	protected void startReview(Actor author) {
		review = ReviewState.draftBy(author);
	}

	/** A new version on top of {@code previous}: its unapproved authors stay authors. */
	protected void startReviewAfter(ReviewState previous, Actor author) {
		review = ReviewState.draftAfter(previous, author);
	}

	/**
	 * The content changed: {@code author} wrote it, and a review in progress or an approval is void.
	 * Returns whether one was (the caller then tells the approvals, {@code contentChanged}).
	 */
	protected boolean contentChangedBy(Actor author, String reason) {
		boolean voided = invalidateReview(reason, Stamp.of(author));
		review.authoredBy(author);
		return voided;
	}

	/** New content replaces what was reviewed before (a new proposal by {@code author}); 409 while that is under review. */
	protected void newReviewRound(Actor author) {
		review.newRound(reviewTitle());
		review.authoredBy(author);
	}

	/** After an approval of a record reviewed again and again (a risk's acceptance): later changers are the next authors. */
	protected void forgetReviewAuthors() {
		review.forgetAuthors();
	}

	/** A review in progress or an approval is void; returns whether one was. */
	protected boolean invalidateReview(String reason, Stamp stamp) {
		Optional<ItemReviewed> voided = review.invalidate(reviewRef(), reviewTitle(), reason, stamp);
		voided.ifPresent(this::registerEvent);
		return voided.isPresent();
	}

	/** Takes a review step (409 when it is not allowed from where the record stands) and registers its event. */
	protected void recordStep(ReviewStep step) {
		registerEvent(review.step(reviewRef(), reviewTitle(), step));
	}
}
