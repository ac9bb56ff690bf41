package org.openaims.assurance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.openaims.approvals.ReviewStatus;

/** A management review: its schedule, period, attendees, minutes, decisions and actions, and its output's approval. */
public record ManagementReviewView(UUID id, String title, LocalDate scheduledFor, LocalDate periodStart, LocalDate periodEnd, String chair,
		List<String> attendees, ReviewMeetingStatus status, String minutes, String decisions, List<ActionView> actions, Instant heldAt,
		ReviewStatus reviewStatus, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, long version) {
}
