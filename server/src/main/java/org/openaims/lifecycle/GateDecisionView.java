package org.openaims.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openaims.inventory.RiskTier;

/**
 * The release gate's answer for a change: {@code ALLOW} when every rule of the system's risk tier
 * passed, else {@code DENY}; each rule with what it expected, what it found and its verdict, and the
 * records it read. A recorded decision has an id and the SHA-256 of its signed statement; an
 * evaluation that was only looked at ({@code GET …/gate}) has neither.
 */
public record GateDecisionView(UUID id, UUID changeId, UUID aiSystemId, String aiSystemName, String systemVersion, RiskTier riskTier,
		UUID policyId, Integer policyVersion, String policyDigest, GateVerdict verdict, List<RuleVerdict> rules, Instant decidedAt,
		String decidedBy, String statementDigest) {

	/** One rule's verdict. */
	public record RuleVerdict(String rule, String expected, String found, boolean pass, List<GateInputs.Input> inputs) {
	}

	/** The rules that failed, by name. */
	public List<String> failedRules() {
		return rules.stream().filter(r -> !r.pass()).map(RuleVerdict::rule).toList();
	}
}
