package org.openaims.governance.internal;

import java.util.Optional;
import java.util.Set;

import org.openaims.governance.ApprovableItem;
import org.openaims.governance.ApprovableItems;

import org.springframework.stereotype.Component;

/** Proposed renames and retirements of published policies as approvable items ({@code policy-change}, id = the policy's id). */
@Component
public class PolicyChangeItems implements ApprovableItems {

	public static final String TYPE = "policy-change";

	private final Policies policies;

	PolicyChangeItems(Policies policies) {
		this.policies = policies;
	}

	@Override
	public String itemType() {
		return TYPE;
	}

	@Override
	public Optional<ApprovableItem> find(String itemId) {
		return ApprovableItems.uuid(itemId).flatMap(policies::findById).filter(p -> p.pendingChange() != null)
			.map(p -> new ApprovableItem(title(p), p.proposalSnapshot(), Set.of(p.proposedBy())));
	}

	@Override
	public Optional<String> link(String itemId) {
		return ApprovableItems.uuid(itemId).map(id -> "/policies/" + id);
	}

	private static String title(Policy p) {
		return Policy.RENAME.equals(p.pendingChange()) ? "Rename policy '" + p.title() + "' to '" + p.proposedTitle() + "'"
				: "Retire policy '" + p.title() + "'";
	}
}
