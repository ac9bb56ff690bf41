package org.openaims.identity.internal;

import java.time.Instant;
import java.util.UUID;

import org.openaims.common.Actor;
import org.openaims.common.ConflictException;
import org.openaims.common.Stamp;
import org.openaims.identity.Role;
import org.openaims.identity.RoleGrantEnded;
import org.openaims.identity.RoleGrantRequested;
import org.openaims.identity.RoleGrantStatus;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A grant of an approving role (ADMIN, AIMS_MANAGER, APPROVER) to a user, asked for by one
 * administrator and taking effect only when a second one approves it (A.3.2: privileged access is
 * reviewed too). It ends granted, refused, withdrawn or void.
 */
@Table("role_grants")
public class RoleGrant extends AbstractAggregateRoot<RoleGrant> {

	@Id
	private UUID id;

	@Version
	private Long version;

	private UUID userId;

	private String username;

	private Role role;

	private RoleGrantStatus status;

	private String requestedBy;

	private Instant requestedAt;

	private String decidedBy;

	private Instant decidedAt;

	private String reason;

	RoleGrant() {
	}

	public static RoleGrant request(UUID userId, String username, Role role, Actor actor) {
		RoleGrant grant = new RoleGrant();
		grant.id = UUID.randomUUID();
		grant.userId = userId;
		grant.username = username;
		grant.role = role;
		grant.status = RoleGrantStatus.PENDING;
		grant.requestedBy = actor.username();
		grant.requestedAt = Instant.now();
		grant.registerEvent(new RoleGrantRequested(grant.id, userId, username, role, Stamp.of(actor)));
		return grant;
	}

	/** Ends a pending grant: granted by {@code actor}'s approval, or refused, withdrawn or void. */
	public void end(RoleGrantStatus outcome, String why, Actor actor) {
		if (status != RoleGrantStatus.PENDING) {
			throw new ConflictException("the grant of " + role + " to " + username + " is " + status.name().toLowerCase() + " already");
		}
		status = outcome;
		decidedBy = actor.username();
		decidedAt = Instant.now();
		reason = why == null ? null : why.length() > 500 ? why.substring(0, 500) : why;
		registerEvent(new RoleGrantEnded(id, userId, username, role, outcome, requestedBy, reason, Stamp.of(actor)));
	}

	public UUID id() {
		return id;
	}

	public UUID userId() {
		return userId;
	}

	public String username() {
		return username;
	}

	public Role role() {
		return role;
	}

	public RoleGrantStatus status() {
		return status;
	}

	public String requestedBy() {
		return requestedBy;
	}

	public Instant requestedAt() {
		return requestedAt;
	}

	public String decidedBy() {
		return decidedBy;
	}

	public Instant decidedAt() {
		return decidedAt;
	}

	public String reason() {
		return reason;
	}
}
