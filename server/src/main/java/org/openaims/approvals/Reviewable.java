package org.openaims.approvals;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.openaims.common.RecordId;

/**
 * Implemented by a module for each type of record that needs approval (a Spring bean). The approval
 * life cycle asks it what the item is now and tells it each step of the item's review; the module
 * never learns of a review step any other way.
 *
 * <pre>
 * &#64;Component
 * class ThingReviews implements Reviewable&lt;ThingId&gt; {
 *     public ReviewType&lt;ThingId&gt; type() { return Thing.REVIEW; }
 *     public Optional&lt;UnderReview&gt; find(ThingId id) {
 *         return things.findById(id.value()).map(t -&gt; UnderReview.of(t.title(), t.digest(), t.review().authors(),
 *                 Approvers.anyOf(Role.APPROVER), t.summary(), "/things/" + t.id()));
 *     }
 *     public void reviewed(ThingId id, ReviewStep step) {
 *         Thing t = things.findById(id.value()).orElseThrow();
 *         t.reviewed(step);            // registerEvent(review.step(...)) and whatever approval means for a thing
 *         things.save(t);
 *     }
 * }
 * </pre>
 */
public interface Reviewable<ID extends RecordId> {

	/** The type of record this answers for. */
	ReviewType<ID> type();

	/**
	 * The item as it is now, with its digest, authors and approvers; empty when it does not exist or
	 * is no longer reviewable (an approval request for it is then void).
	 */
	Optional<UnderReview> find(ID id);

	/**
	 * A step of the item's review, in the transaction that took it: submitted (when its module asked
	 * for approval), approved (the quorum was reached), sent back (an approver rejected it), withdrawn,
	 * or invalidated (its content changed before a decision). The module moves the item's
	 * {@link ReviewState} and does what the step means for it; an exception undoes the step.
	 */
	void reviewed(ID id, ReviewStep step);
}
