package org.openaims.compliance;

import java.util.UUID;

import org.openaims.approvals.ReviewType;
import org.openaims.common.RecordId;

/** The id of a version of a Statement of Applicability; also the reviewable type of versions. */
public record SoaVersionId(UUID value) implements RecordId {

	public static final ReviewType<SoaVersionId> REVIEW = ReviewType.of("soa-version", "SoaVersion", SoaVersionId.class);
}
