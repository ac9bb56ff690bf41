package org.openaims.approvals.internal;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.openaims.approvals.ApprovalService;
import org.openaims.approvals.Approvers;
import org.openaims.approvals.ReviewStep;
import org.openaims.approvals.ReviewType;
import org.openaims.approvals.Reviewable;
import org.openaims.approvals.UnderReview;
import org.openaims.common.Digests;
import org.openaims.identity.Role;
import org.openaims.identity.RoleGrantEnded;
import org.openaims.identity.RoleGrantId;
import org.openaims.identity.RoleGrantRequested;
import org.openaims.identity.RoleGrantStatus;
import org.openaims.identity.RoleGrants;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Grants of approving roles under review (A.3.2): an administrator's grant of ADMIN, AIMS_MANAGER or
 * APPROVER takes effect when a second administrator approves it. The grants live in {@code identity},
 * which knows nothing of approvals: a requested grant is put up for review here, and each step is
 * carried out through identity's {@link RoleGrants}.
 */
@Component
class RoleGrantReviews implements Reviewable<RoleGrantId> {

	static final ReviewType<RoleGrantId> TYPE = ReviewType.of("role-grant", "RoleGrant", RoleGrantId.class);

	private final RoleGrants grants;

	private final ApprovalService approvals;

	RoleGrantReviews(RoleGrants grants, ApprovalService approvals) {
		this.grants = grants;
		this.approvals = approvals;
	}

	@Override
	public ReviewType<RoleGrantId> type() {
		return TYPE;
	}

	@Override
	public Optional<UnderReview> find(RoleGrantId id) {
		return grants.pending(id).map(g -> {
			String title = "Grant " + g.role() + " to " + g.username();
			String summary = g.username() + (g.displayName() == null ? "" : " (" + g.displayName() + ")") + " holds "
					+ new TreeSet<>(g.rolesHeld()) + "; " + g.requestedBy() + " asks to grant " + g.role() + " as well.\nAn account with "
					+ g.role() + " approves others' work; it may never approve the items of " + g.requestedBy() + ".";
			return UnderReview.of(title, Digests.snapshot("role-grant", g.id(), g.userId(), g.role(), g.requestedBy()),
					Set.of(g.requestedBy()), Approvers.anyOf(Role.ADMIN), summary, "/admin/users/" + g.userId() + "/edit");
		});
	}

	@Override
	public void reviewed(RoleGrantId id, ReviewStep step) {
		switch (step.to()) {
			case SUBMITTED -> {
				// The grant waits as it is.
			}
			case APPROVED -> grants.grant(id, step.stamp().actor());
			case SENT_BACK -> grants.end(id, RoleGrantStatus.REFUSED, step.reason(), step.stamp().actor());
			case WITHDRAWN -> grants.end(id, RoleGrantStatus.WITHDRAWN, step.reason(), step.stamp().actor());
			case INVALIDATED -> grants.end(id, RoleGrantStatus.VOID, step.reason(), step.stamp().actor());
			default -> throw new IllegalArgumentException(step.to().name());
		}
	}

	/** An administrator asked for an approving role: a second administrator is asked to approve it. */
	@EventListener
	void on(RoleGrantRequested requested) {
		approvals.submit(TYPE.ref(new RoleGrantId(requested.grantId())), null,
				"Grant " + requested.role() + " to " + requested.username());
	}

	/** A grant ended in identity (withdrawn, or void because the account was disabled): its request is void. */
	@EventListener
	void on(RoleGrantEnded ended) {
		if (ended.status() == RoleGrantStatus.WITHDRAWN || ended.status() == RoleGrantStatus.VOID) {
			approvals.contentChanged(TYPE.ref(new RoleGrantId(ended.grantId())), ended.reason());
		}
	}
}
