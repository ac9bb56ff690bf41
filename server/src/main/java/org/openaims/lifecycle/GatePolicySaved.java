package org.openaims.lifecycle;

import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** A new version of the release-gate policy was saved (a draft until approved), with the SHA-256 of its YAML. */
public record GatePolicySaved(UUID gatePolicyId, int versionNo, String digest, String note, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of(GatePolicyService.SUBJECT, gatePolicyId);
	}
}
