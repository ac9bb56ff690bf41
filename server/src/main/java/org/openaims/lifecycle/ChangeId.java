package org.openaims.lifecycle;

import java.util.UUID;

import org.openaims.approvals.ReviewType;
import org.openaims.common.RecordId;

/** The id of a change ticket; also the reviewable type of changes (approved by someone other than their authors). */
public record ChangeId(UUID value) implements RecordId {

	public static final ReviewType<ChangeId> REVIEW = ReviewType.of("change", "Change", ChangeId.class);
}
