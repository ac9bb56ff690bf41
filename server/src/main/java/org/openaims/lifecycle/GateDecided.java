package org.openaims.lifecycle;

import java.util.List;
import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/**
 * The release gate decided on a change: the verdict, the policy's SHA-256, the digest of every input
 * and the SHA-256 of the signed statement ({@code statementDigest}), which the ledger so proves.
 */
public record GateDecided(UUID decisionId, UUID changeId, UUID aiSystemId, String systemVersion, GateVerdict verdict, String policyDigest,
		List<String> failedRules, List<String> inputs, String statementDigest, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of(ChangeService.SUBJECT, changeId);
	}
}
