package org.openaims.assurance;

import java.util.UUID;

import org.openaims.approvals.ReviewType;
import org.openaims.common.RecordId;

/** The id of an audit programme; also the reviewable type of programmes (9.2.2: the programme is approved). */
public record AuditProgrammeId(UUID value) implements RecordId {

	public static final ReviewType<AuditProgrammeId> REVIEW = ReviewType.of("audit-programme", "AuditProgramme", AuditProgrammeId.class);
}
