package org.openaims.inventory;

import java.util.UUID;

import org.openaims.approvals.ReviewType;
import org.openaims.common.RecordId;

/** The id of a version of the AIMS scope statement; also the reviewable type of versions (approved, one is in force). */
public record ScopeVersionId(UUID value) implements RecordId {

	public static final ReviewType<ScopeVersionId> REVIEW = ReviewType.of("scope-version", "ScopeVersion", ScopeVersionId.class);
}
