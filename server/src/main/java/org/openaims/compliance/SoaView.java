package org.openaims.compliance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openaims.approvals.ApprovalView;

/**
 * One version of a Statement of Applicability with its lines. {@code approval} is the version's
 * latest approval request; {@code versions} lists all versions of the statement, newest first.
 */
public record SoaView(UUID id, UUID frameworkId, String frameworkName, String title, UUID versionId, int versionNo,
		SoaStatus status, String changeNote, List<String> editors, Instant createdAt, Instant updatedAt, String updatedBy,
		Instant approvedAt, ApprovalView approval, List<SoaEntryView> entries, List<VersionSummary> versions, long version) {

	/** A version in the list of versions. */
	public record VersionSummary(int versionNo, SoaStatus status, Instant updatedAt, String updatedBy, Instant approvedAt) {
	}

	public long applicableCount() {
		return entries.stream().filter(e -> Boolean.TRUE.equals(e.applicable())).count();
	}

	public long undecidedCount() {
		return entries.stream().filter(e -> !e.complete()).count();
	}
}
