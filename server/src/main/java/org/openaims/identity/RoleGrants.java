package org.openaims.identity;

import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Optional;
import java.util.Set;
import java.util.EnumSet;
import java.util.UUID;

import org.openaims.common.AggregateBatch;
import org.openaims.common.Actor;
import org.openaims.common.ConflictException;
import org.openaims.common.NotFoundException;
import org.openaims.identity.internal.IdentityProperties;
import org.openaims.identity.internal.RoleGrant;
import org.openaims.identity.internal.RoleGrantRepository;
import org.openaims.identity.internal.User;
import org.openaims.identity.internal.Users;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grants of approving roles (ADMIN, AIMS_MANAGER, APPROVER): an administrator asks for one when
 * creating or changing a user, and it takes effect when a second administrator approves it (through
 * the approvals, which read and end grants here). In single-admin mode they take effect at once.
 */
@Service
@Transactional
public class RoleGrants {

	/** The roles that approve something, so granting them is itself reviewed. */
	public static final Set<Role> APPROVING = EnumSet.of(Role.ADMIN, Role.AIMS_MANAGER, Role.APPROVER);

	private final RoleGrantRepository grants;

	private final Users users;

	private final IdentityProperties properties;

	private final AggregateBatch batch;

	RoleGrants(RoleGrantRepository grants, Users users, IdentityProperties properties, AggregateBatch batch) {
		this.batch = batch;
		this.grants = grants;
		this.users = users;
		this.properties = properties;
	}

	/** Whether approving roles are granted at once, without a second administrator (tiny installations). */
	public boolean singleAdminMode() {
		return properties.singleAdminMode();
	}

	/** A pending grant, with the roles its user holds now; empty when it is decided or its user is disabled. */
	@Transactional(readOnly = true)
	public Optional<RoleGrantView> pending(RoleGrantId id) {
		return grants.findById(id.value()).filter(g -> g.status() == RoleGrantStatus.PENDING).flatMap(g -> users.findById(g.userId())
			.filter(User::enabled)
			.map(u -> view(g, u)));
	}

	/** The grants of a status, oldest first (administrators). */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public List<RoleGrantView> list(RoleGrantStatus status) {
		List<RoleGrant> found = grants.findByStatusOrderByRequestedAt(status == null ? RoleGrantStatus.PENDING : status);
		Map<UUID, User> holders = new HashMap<>();
		batch.findAllById(User.class, found.stream().map(RoleGrant::userId).toList()).forEach(u -> holders.put(u.id(), u));
		return found.stream().map(g -> view(g, holders.get(g.userId()))).toList();
	}

	/** Every grant of one user, newest first (administrators). */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public List<RoleGrantView> ofUser(UUID userId) {
		User user = users.findById(userId).orElseThrow(() -> new NotFoundException("user", userId));
		return grants.findByUserIdOrderByRequestedAtDesc(userId).stream().map(g -> view(g, user)).toList();
	}

	/**
	 * The approved grant takes effect: the role is added, recorded as granted by who asked for it.
	 * Called when a second administrator approved it; refused for anyone else.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public void grant(RoleGrantId id, Actor approver) {
		RoleGrant grant = load(id);
		if (grant.requestedBy().equals(approver.username())) {
			throw new AccessDeniedException("a second administrator approves the grant of " + grant.role() + ", not the one who asked for it");
		}
		User user = users.findById(grant.userId()).orElseThrow(() -> new NotFoundException("user", grant.userId()));
		if (!user.enabled()) {
			throw new ConflictException(user.username() + " is disabled; the grant of " + grant.role() + " is void");
		}
		user.grant(grant.role(), grant.requestedBy(), approver);
		users.save(user);
		grant.end(RoleGrantStatus.GRANTED, "approved by " + approver.username(), approver);
		grants.save(grant);
	}

	/** Ends a pending grant without granting it: refused, withdrawn or void. */
	@PreAuthorize("isAuthenticated()")
	public void end(RoleGrantId id, RoleGrantStatus outcome, String reason, Actor actor) {
		if (outcome == RoleGrantStatus.GRANTED || outcome == RoleGrantStatus.PENDING) {
			throw new IllegalArgumentException("a grant is granted only through grant()");
		}
		RoleGrant grant = load(id);
		if (grant.status() == RoleGrantStatus.PENDING) {
			grant.end(outcome, reason, actor);
			grants.save(grant);
		}
	}

	private RoleGrant load(RoleGrantId id) {
		return grants.findById(id.value()).orElseThrow(() -> new NotFoundException("role grant", id.value()));
	}

	private static RoleGrantView view(RoleGrant g, User user) {
		return new RoleGrantView(g.id(), g.userId(), g.username(), user == null ? null : user.view().displayName(), g.role(), g.status(),
				g.requestedBy(), g.requestedAt(), g.decidedBy(), g.decidedAt(), g.reason(), user == null ? Set.of() : user.roleSet());
	}
}
