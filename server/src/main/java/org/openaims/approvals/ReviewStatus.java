package org.openaims.approvals;

/**
 * Where a reviewable record stands in its review: a draft is submitted, and a submitted record is
 * approved, sent back (rejected), withdrawn, or invalidated because its content changed (an
 * approved one too). A record that is sent back, withdrawn or invalidated is submitted again.
 */
public enum ReviewStatus {

	DRAFT(null), SUBMITTED("Submitted"), APPROVED("Approved"), SENT_BACK("SentBack"), WITHDRAWN("Withdrawn"),
	INVALIDATED("Invalidated");

	private final String eventSuffix;

	ReviewStatus(String eventSuffix) {
		this.eventSuffix = eventSuffix;
	}

	/** The ending of the name of the event of a step to this status ({@code Approved} …). */
	public String eventSuffix() {
		return eventSuffix;
	}

	/** Whether a record in this status may be submitted. */
	public boolean submittable() {
		return this == DRAFT || this == SENT_BACK || this == WITHDRAWN || this == INVALIDATED;
	}

	/** Whether a step to {@code next} is allowed from this status. */
	public boolean allows(ReviewStatus next) {
		return switch (next) {
			case DRAFT -> false;
			case SUBMITTED -> submittable();
			case APPROVED, SENT_BACK, WITHDRAWN -> this == SUBMITTED;
			case INVALIDATED -> this == SUBMITTED || this == APPROVED;
		};
	}
}
