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

	/** The same view holding only the entries of this implementation group (e.g. IG1); all when blank. */
	public SoaView inGroup(String group) {
		if (group == null || group.isBlank()) {
			return this;
		}
		return new SoaView(id, frameworkId, frameworkName, title, versionId, versionNo, status, changeNote, editors, createdAt,
				updatedAt, updatedBy, approvedAt, approval,
				entries.stream().filter(e -> e.implementationGroups().contains(group.strip())).toList(), versions, version);
	}

	/** The implementation groups its controls belong to, in order of first appearance. */
	public List<String> implementationGroups() {
		return entries.stream().flatMap(e -> e.implementationGroups().stream()).distinct().toList();
	}

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
