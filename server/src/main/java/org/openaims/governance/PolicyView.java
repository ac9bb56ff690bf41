package org.openaims.governance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A policy with the state of its versions; {@code versions} (newest first) on the detail view only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyView(UUID id, String title, String owner, int reviewIntervalMonths, LocalDate nextReviewDate,
		boolean reviewOverdue, int approvalsRequired, List<String> addresses, String alignedWith, Integer publishedVersion,
		Integer latestVersion, PolicyStatus latestStatus, Instant retiredAt, Instant createdAt, Instant updatedAt, long version,
		PendingChange pendingChange, List<VersionSummary> versions) {

	/**
	 * A rename or retirement of the published policy waiting for approval: the proposed title (for a
	 * rename), the reason, who proposed it and the approval request.
	 */
	public record PendingChange(String kind, String title, String reason, String proposedBy, UUID approvalId) {
	}

	/** A version in the list of versions. */
	public record VersionSummary(int versionNo, PolicyStatus status, String changeSummary, Instant updatedAt, String updatedBy,
			Instant publishedAt) {
	}

	public PolicyDetails details() {
		return new PolicyDetails(title, owner, reviewIntervalMonths, approvalsRequired, addresses, alignedWith, version);
	}
}
