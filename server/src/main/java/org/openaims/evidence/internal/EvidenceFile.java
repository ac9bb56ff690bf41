package org.openaims.evidence.internal;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** One version of an evidence file (a row of {@code evidence_versions}); the bytes are in the file store. */
@Table("evidence_versions")
record EvidenceFile(int versionNo, String sha256, @Column("size_bytes") long size, String fileName, String mediaType, String note,
		String addedBy, Instant addedAt) {
}
