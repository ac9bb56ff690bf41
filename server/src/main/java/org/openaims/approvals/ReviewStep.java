package org.openaims.approvals;

import java.util.UUID;

import org.openaims.common.Stamp;

/**
 * One step of a record's review, as the approval life cycle tells the record's module: the request
 * it belongs to, the status it leads to, why (a note, a rejection's comment, a withdrawal's reason),
 * and who took it when (the approver for an approval).
 */
public record ReviewStep(UUID approvalId, ReviewStatus to, String reason, Stamp stamp) {
}
