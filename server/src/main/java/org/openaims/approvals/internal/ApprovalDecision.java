package org.openaims.approvals.internal;

import java.time.Instant;

import org.openaims.approvals.Decision;

import org.springframework.data.relational.core.mapping.Table;

/** One decision on an approval request (a row of {@code approval_decisions}). */
@Table("approval_decisions")
record ApprovalDecision(String approver, Decision decision, String comment, Instant decidedAt) {
}
