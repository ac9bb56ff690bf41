package org.openaims.approvals;

import java.util.UUID;

import org.openaims.common.RecordId;

/** The id of an approval request. */
public record ApprovalId(UUID value) implements RecordId {
}
