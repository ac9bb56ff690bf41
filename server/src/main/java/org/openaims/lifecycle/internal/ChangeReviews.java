package org.openaims.lifecycle.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.openaims.approvals.Approvers;
import org.openaims.approvals.ReviewStep;
import org.openaims.approvals.ReviewType;
import org.openaims.approvals.Reviewable;
import org.openaims.approvals.UnderReview;
import org.openaims.common.InvalidInputException;
import org.openaims.identity.Role;
import org.openaims.inventory.AiSystemService;
import org.openaims.inventory.AiSystemView;
import org.openaims.inventory.RiskTier;
import org.openaims.lifecycle.ChangeId;

import org.springframework.stereotype.Component;

/**
 * Change tickets under review: approved by approvers, AIMS managers or administrators who did not
 * write the ticket, as many as the gate policy in force asks for the system's risk tier (its
 * {@code approvals.count}; one without a policy).
 */
@Component
class ChangeReviews implements Reviewable<ChangeId> {

	private final ChangeTickets changes;

	private final GatePolicies policies;

	private final AiSystemService systems;

	ChangeReviews(ChangeTickets changes, GatePolicies policies, AiSystemService systems) {
		this.changes = changes;
		this.policies = policies;
		this.systems = systems;
	}

	@Override
	public ReviewType<ChangeId> type() {
		return ChangeId.REVIEW;
	}

	@Override
	public Optional<UnderReview> find(ChangeId id) {
		return changes.findById(id.value()).map(c -> {
			AiSystemView system = systems.get(c.aiSystemId());
			String name = system.name();
			RiskTier tier = system.riskTier();
			return new UnderReview("Change of " + name + " to " + c.toVersion() + ": " + c.title(), c.reviewDigest(), c.review().authors(),
					Approvers.anyOf(Role.APPROVER, Role.AIMS_MANAGER, Role.ADMIN).quorum(quorum(tier)),
					c.changeType() + ", " + c.significance().name().toLowerCase() + " change of " + name, c.lines(), null, "/lifecycle/changes/" + c.id());
		});
	}

	/** The approvals the gate policy in force asks for the tier (at least one). */
	private int quorum(RiskTier tier) {
		return policies.inForce().map(p -> {
			try {
				// Rules of other modules are not checked here: only the approvals count is read.
				GatePolicyDocument doc = GatePolicyDocument.parse(p.source(), anyRule(p.source()), (r, s) -> List.of());
				return doc.rules(tier).stream().filter(r -> r.name().equals("approvals")).findFirst().map(r -> r.integer("count", 1)).orElse(1);
			}
			catch (InvalidInputException e) {
				return 1;
			}
		}).orElse(1);
	}

	/** Every word a policy could use as a rule name, so that reading the count never fails on a rule of another module. */
	private static Set<String> anyRule(String source) {
		java.util.Set<String> words = new java.util.HashSet<>();
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_]*").matcher(source);
		while (m.find()) {
			words.add(m.group());
		}
		return words;
	}

	@Override
	public void reviewed(ChangeId id, ReviewStep step) {
		ChangeTicket change = changes.findById(id.value()).orElseThrow();
		change.reviewed(step);
		changes.save(change);
	}
}
