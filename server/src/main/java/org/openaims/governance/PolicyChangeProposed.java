package org.openaims.governance;

import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/**
 * A rename ({@code RENAME}, with the proposed title) or the retirement ({@code RETIRE}) of a published
 * policy was proposed; it takes effect once approved.
 */
public record PolicyChangeProposed(UUID policyId, String title, String kind, String proposedTitle, String reason, Stamp stamp)
		implements Audited {

	@Override
	public Subject subject() {
		return Subject.of("policy", policyId);
	}
}
