package org.openaims.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An evidence item: what it is, who owns it and added it, the period it proves, when it was received,
 * until when it is valid ({@code validity}, {@code daysLeft}), a file's versions (newest last), and
 * what it is linked to.
 */
public record EvidenceView(UUID id, EvidenceKind kind, String title, String description, String owner, String url,
		EvidenceDetails.RecordRef record, LocalDate effectiveFrom, LocalDate effectiveTo, LocalDate receivedOn,
		LocalDate validUntil, Validity validity, Long daysLeft, int currentVersion, List<FileVersion> versions,
		List<RequirementRef> requirements, List<SystemRef> aiSystems, List<EvidenceDetails.RecordRef> records,
		Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, long version) {

	/** One version of a file: its name, detected type, size and SHA-256, and where to download it. */
	public record FileVersion(int no, String fileName, String mediaType, long size, String sha256, String note, String addedBy,
			Instant addedAt, String download) {
	}

	/** A linked requirement or control: its framework's key and its reference. */
	public record RequirementRef(UUID id, UUID frameworkId, String framework, String refId, String label) {
	}

	/** A linked AI system. */
	public record SystemRef(UUID id, String name) {
	}

	/** The newest version of a file, if it is one. */
	public FileVersion latestFile() {
		return versions.isEmpty() ? null : versions.get(versions.size() - 1);
	}

	public EvidenceSummary summary() {
		return new EvidenceSummary(id, title, kind, validUntil, validity, daysLeft);
	}
}
