package org.openaims.governance.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.openaims.approvals.Approvers;
import org.openaims.identity.Role;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who approves policies and their changes: approvers and AIMS managers by default; an organization
 * whose top management must approve the AI policy itself (5.2) sets
 * {@code aims.governance.policy-approvers=TOP_MANAGEMENT} (any list of roles).
 */
@Component
class PolicyApprovers {

	private final Set<Role> roles;

	PolicyApprovers(@Value("${aims.governance.policy-approvers:APPROVER,AIMS_MANAGER}") List<Role> roles) {
		if (roles.isEmpty()) {
			throw new IllegalStateException("aims.governance.policy-approvers names no role");
		}
		this.roles = EnumSet.copyOf(roles);
	}

	Approvers of(int quorum) {
		return new Approvers(roles, quorum);
	}
}
