package org.openaims.lifecycle;

import java.time.Instant;
import java.util.UUID;

import org.openaims.approvals.ReviewStatus;

/** A version of the release-gate policy: its YAML and SHA-256; {@code inForce} marks the newest approved one. */
public record GatePolicyView(UUID id, int versionNo, String source, String digest, String note, ReviewStatus reviewStatus, boolean inForce,
		Instant createdAt, String createdBy) {
}
