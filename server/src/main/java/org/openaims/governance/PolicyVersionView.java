package org.openaims.governance;

import java.time.Instant;
import java.util.UUID;

import org.openaims.approvals.ApprovalView;

/**
 * One version of a policy. {@code html} is the Markdown rendered safely; {@code file} the uploaded
 * document, if any; {@code approval} the latest approval request of this version.
 */
public record PolicyVersionView(UUID id, UUID policyId, int versionNo, PolicyStatus status, String body, String html,
		FileRef file, String changeSummary, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
		Instant publishedAt, String publishedBy, ApprovalView approval) {

	/** An uploaded document, by the SHA-256 of its bytes. */
	public record FileRef(String name, String mediaType, String sha256) {
	}
}
