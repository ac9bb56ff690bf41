package org.openaims.governance.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openaims.approvals.ItemRef;
import org.openaims.approvals.ReviewableRecord;
import org.openaims.approvals.ReviewStep;
import org.openaims.common.Actor;
import org.openaims.common.ConflictException;
import org.openaims.common.FieldChange;
import org.openaims.common.Stamp;
import org.openaims.governance.NewPolicy;
import org.openaims.governance.PolicyChangeProposed;
import org.openaims.governance.PolicyChanged;
import org.openaims.governance.PolicyCreated;
import org.openaims.governance.PolicyDetails;
import org.openaims.governance.PolicyId;
import org.openaims.governance.PolicyRetired;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An organizational policy (5.2 AI policy and those it aligns with, A.2.2-A.2.4): owner, review
 * interval and next review date, the clauses and controls it addresses. Its text is in its versions.
 */
@Table("policies")
public class Policy extends ReviewableRecord<Policy> {

	@Id
	private UUID id;

	@Version
	private Long version;

	private String title;

	private String owner;

	private int reviewIntervalMonths;

	private LocalDate nextReviewDate;

	private int approvalsRequired;

	private String addresses;

	private String alignedWith;

	private Instant retiredAt;

	/** {@link #RENAME} or {@link #RETIRE} while such a change of the published policy awaits approval. */
	private String pendingChange;

	private String proposedTitle;

	private String proposedReason;

	private String proposedBy;


	private Instant createdAt;

	private String createdBy;

	private Instant updatedAt;

	Policy() {
	}

	public static Policy create(NewPolicy p, Actor actor) {
		Policy policy = new Policy();
		policy.id = UUID.randomUUID();
		policy.apply(p.title(), p.owner(), p.reviewIntervalMonths(), p.approvalsRequired(), p.addresses(), p.alignedWith());
		policy.createdAt = Instant.now();
		policy.createdBy = actor.username();
		policy.updatedAt = policy.createdAt;
		policy.startReview(actor);
		policy.registerEvent(new PolicyCreated(policy.id, policy.title, policy.owner, policy.snapshot(), Stamp.of(actor)));
		return policy;
	}

	public void change(PolicyDetails d, Actor actor) {
		requireActive();
		if (d.version() != null && !d.version().equals(version)) {
			throw new ConflictException("policy '" + title + "' was changed meanwhile; reload and apply your change again");
		}
		Map<String, Object> before = snapshot();
		apply(d.title(), d.owner(), d.reviewIntervalMonths(), d.approvalsRequired(), d.addresses(), d.alignedWith());
		Map<String, FieldChange> changes = FieldChange.diff(before, snapshot());
		if (!changes.isEmpty()) {
			updatedAt = Instant.now();
			registerEvent(new PolicyChanged(id, title, changes, Stamp.of(actor)));
		}
	}

	/** A version was published: the next review is due one interval from now. */
	public void published() {
		nextReviewDate = LocalDate.now().plusMonths(reviewIntervalMonths);
		updatedAt = Instant.now();
	}

	public void retire(String reason, Actor actor) {
		requireActive();
		retiredAt = Instant.now();
		updatedAt = retiredAt;
		registerEvent(new PolicyRetired(id, title, reason == null || reason.isBlank() ? null : reason.strip(), Stamp.of(actor)));
	}

	public static final String RENAME = "RENAME";

	public static final String RETIRE = "RETIRE";

	/** Proposes a new title or the retirement of the published policy; it takes effect once approved. */
	public void propose(String kind, String title, String reason, Actor actor) {
		requireActive();
		if (pendingChange != null) {
			throw new ConflictException("a " + pendingChange.toLowerCase() + " of policy '" + this.title
					+ "' awaits approval already; it must be decided or withdrawn first");
		}
		pendingChange = kind;
		proposedTitle = title == null ? null : title.strip();
		proposedReason = reason == null || reason.isBlank() ? null : reason.strip();
		proposedBy = actor.username();
		updatedAt = Instant.now();
		newReviewRound(actor);
		registerEvent(new PolicyChangeProposed(id, this.title, kind, proposedTitle, proposedReason, Stamp.of(actor)));
	}

	/**
	 * A step of the review of the pending proposal: approved, it takes effect as the approver's act
	 * (returns true for a retirement, whose published versions the caller retires); otherwise it is dropped.
	 */
	public boolean reviewed(ReviewStep step) {
		if (pendingChange == null) {
			throw new ConflictException("policy '" + title + "' has no proposed change to review");
		}
		recordStep(step);
		switch (step.to()) {
			case SUBMITTED -> {
				return false;
			}
			case APPROVED -> {
				return applyProposal(step.stamp().actor());
			}
			default -> {
				clearProposal();
				updatedAt = Instant.now();
				return false;
			}
		}
	}

	private boolean applyProposal(Actor approver) {
		if (RENAME.equals(pendingChange)) {
			Map<String, Object> before = snapshot();
			title = proposedTitle;
			clearProposal();
			updatedAt = Instant.now();
			registerEvent(new PolicyChanged(id, title, FieldChange.diff(before, snapshot()), Stamp.of(approver)));
			return false;
		}
		String reason = proposedReason;
		clearProposal();
		retire(reason, approver);
		return true;
	}

	@Override
	public String reviewDigest() {
		return pendingChange == null ? null : proposalSnapshot();
	}

	@Override
	public ItemRef<PolicyId> reviewRef() {
		return PolicyId.CHANGE_REVIEW.ref(new PolicyId(id));
	}

	@Override
	protected String reviewTitle() {
		return "change of policy '" + title + "'";
	}

	private void clearProposal() {
		pendingChange = null;
		proposedTitle = null;
		proposedReason = null;
		proposedBy = null;
	}

	/** What an approval of the pending proposal approves. */
	public String proposalSnapshot() {
		return org.openaims.common.Digests.snapshot(id, pendingChange, proposedTitle, proposedReason, proposedBy);
	}

	public String pendingChange() {
		return pendingChange;
	}

	public String proposedTitle() {
		return proposedTitle;
	}

	public String proposedBy() {
		return proposedBy;
	}

	public String proposedReason() {
		return proposedReason;
	}

	/** Versions of a retired policy cannot change. */
	public void requireActiveForVersions() {
		requireActive();
	}

	void requireActive() {
		if (retiredAt != null) {
			throw new ConflictException("policy '" + title + "' is retired");
		}
	}

	private void apply(String title, String owner, int interval, int approvals, List<String> addresses, String alignedWith) {
		this.title = title.strip();
		this.owner = owner.strip();
		this.reviewIntervalMonths = interval;
		this.approvalsRequired = approvals;
		this.addresses = addresses == null ? "" : String.join(",", addresses.stream().map(String::strip).distinct().toList());
		this.alignedWith = alignedWith == null || alignedWith.isBlank() ? null : alignedWith.strip();
	}

	private Map<String, Object> snapshot() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("title", title);
		values.put("owner", owner);
		values.put("reviewIntervalMonths", reviewIntervalMonths);
		values.put("approvalsRequired", approvalsRequired);
		values.put("addresses", addressList());
		values.put("alignedWith", alignedWith);
		return values;
	}

	public List<String> addressList() {
		return addresses == null || addresses.isBlank() ? List.of() : Arrays.asList(addresses.split(","));
	}

	public UUID id() {
		return id;
	}

	public String title() {
		return title;
	}

	public String owner() {
		return owner;
	}

	public int approvalsRequired() {
		return approvalsRequired;
	}

	public boolean isRetired() {
		return retiredAt != null;
	}
}
