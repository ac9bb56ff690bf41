package org.openaims.lifecycle;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.openaims.approvals.ApprovalService;
import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.ledger.HistoryEntry;
import org.openaims.ledger.Ledger;
import org.openaims.lifecycle.internal.GatePolicies;
import org.openaims.lifecycle.internal.GatePolicy;
import org.openaims.lifecycle.internal.GatePolicyDocument;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The release-gate policy as code (8.1, A.6.2.5): rules per risk tier in YAML, checked when saved
 * (an unknown rule or a bad value is refused naming its line), versioned, each version submitted for
 * approval; the newest approved version is in force. AIMS managers and administrators write it.
 */
@Service
@Validated
@Transactional
public class GatePolicyService {

	/** The ledger's subject type for gate-policy versions. */
	public static final String SUBJECT = "gate-policy";

	/** A policy to start from. */
	public static final String EXAMPLE = """
			description: Release gate for AI system changes
			tiers:
			  LOW:
			    approvals: {count: 1}
			    tests: {failureBudget: 0}
			  MEDIUM:
			    approvals: {count: 1, roles: [APPROVER, AIMS_MANAGER]}
			    tests: {failureBudget: 0, maxAgeDays: 30}
			    metrics: {maxAgeDays: 30}
			    rollbackPlan: {}
			  HIGH:
			    approvals: {count: 2, roles: [APPROVER, AIMS_MANAGER]}
			    tests: {failureBudget: 0, maxAgeDays: 14}
			    metrics: {maxAgeDays: 14}
			    rollbackPlan: {tested: true}
			    impactAssessment: {}
			    risksReviewed: {}
			  CRITICAL:
			    approvals: {count: 2, roles: [APPROVER, AIMS_MANAGER]}
			    tests: {failureBudget: 0, maxAgeDays: 7}
			    metrics: {maxAgeDays: 7}
			    rollbackPlan: {tested: true}
			    impactAssessment: {}
			    risksReviewed: {}
			""";

	private final GatePolicies policies;

	private final List<GateInputs> inputs;

	private final ApprovalService approvals;

	private final Ledger ledger;

	GatePolicyService(GatePolicies policies, List<GateInputs> inputs, ApprovalService approvals, Ledger ledger) {
		this.policies = policies;
		this.inputs = inputs;
		this.approvals = approvals;
		this.ledger = ledger;
	}

	/** Checks a policy without saving it; 400 naming each problem's line. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public GatePolicyDocument check(String source) {
		return parse(source, inputs);
	}

	/** Saves a new version and submits it for approval. */
	@PreAuthorize("hasAnyRole('ADMIN', 'AIMS_MANAGER')")
	public GatePolicyView save(String source, String note) {
		if (note != null && note.length() > 2000) {
			throw new InvalidInputException("note", "must be at most 2000 characters");
		}
		parse(source, inputs);
		Optional<GatePolicy> previous = policies.findFirstByOrderByVersionNoDesc();
		GatePolicy next = GatePolicy.next(previous.orElse(null), source, note, CurrentUser.actor());
		previous.ifPresent(p -> {
			if (p.superseded(next.versionNo(), CurrentUser.actor())) {
				policies.save(p);
				approvals.contentChanged(p.reviewRef(), "superseded by version " + next.versionNo());
			}
		});
		GatePolicy saved = policies.save(next);
		approvals.submit(saved.reviewRef(), LocalDate.now().plusDays(14), "Release-gate policy, version " + saved.versionNo());
		return view(policies.findById(saved.id()).orElseThrow());
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<GatePolicyView> versions() {
		List<GatePolicy> all = policies.findAllByOrderByVersionNoDesc();
		UUID inForce = all.stream().filter(p -> p.review().isApproved()).findFirst().map(GatePolicy::id).orElse(null);
		return all.stream().map(p -> p.view(p.id().equals(inForce))).toList();
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public GatePolicyView get(UUID id) {
		return view(policies.findById(id).orElseThrow(() -> new NotFoundException("gate policy", id)));
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Optional<GatePolicyView> inForce() {
		return policies.inForce().map(p -> p.view(true));
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<HistoryEntry> history(UUID id) {
		policies.findById(id).orElseThrow(() -> new NotFoundException("gate policy", id));
		return ledger.history(SUBJECT, id.toString());
	}

	public boolean mayWrite() {
		return CurrentUser.hasAnyRole(Role.ADMIN, Role.AIMS_MANAGER);
	}

	/** The rules other modules answer, by name. */
	public static Map<String, GateInputs> byRule(List<GateInputs> inputs) {
		Map<String, GateInputs> byRule = new java.util.TreeMap<>();
		inputs.forEach(i -> i.rules().forEach(r -> byRule.put(r, i)));
		return byRule;
	}

	static GatePolicyDocument parse(String source, List<GateInputs> inputs) {
		Map<String, GateInputs> byRule = byRule(inputs);
		Set<String> others = new HashSet<>(byRule.keySet());
		return GatePolicyDocument.parse(source, others, (rule, settings) -> byRule.get(rule).check(rule, settings));
	}

	private GatePolicyView view(GatePolicy p) {
		boolean inForce = policies.inForce().map(f -> f.id().equals(p.id())).orElse(false);
		return p.view(inForce);
	}
}
