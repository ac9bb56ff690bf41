package org.openaims.approvals;

import java.util.EnumSet;
import java.util.Set;

import org.openaims.identity.Role;

/**
 * Who may approve an item and how many distinct approvers it needs: decided by the item's module
 * (its rules, e.g. the risk criteria's roles for a residual level), never by whoever asks.
 */
public record Approvers(Set<Role> roles, int quorum) {

	public Approvers {
		if (roles == null || roles.isEmpty()) {
			throw new IllegalArgumentException("an item needs at least one role that may approve it");
		}
		if (quorum < 1 || quorum > 5) {
			throw new IllegalArgumentException("a quorum is 1 to 5 approvers");
		}
		roles = Set.copyOf(roles);
	}

	public static Approvers anyOf(Role first, Role... more) {
		return new Approvers(EnumSet.of(first, more), 1);
	}

	public Approvers quorum(int approvers) {
		return new Approvers(roles, approvers);
	}
}
