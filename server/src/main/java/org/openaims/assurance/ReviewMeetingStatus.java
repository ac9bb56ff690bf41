package org.openaims.assurance;

/** Where a management review stands: scheduled, or held (its inputs frozen as they were presented). */
public enum ReviewMeetingStatus {
	SCHEDULED, HELD
}
