package org.openaims.identity;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.common.Actor;
import org.openaims.common.ConflictException;
import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
import org.openaims.identity.internal.PasswordPolicy;
import org.openaims.identity.internal.RoleGrant;
import org.openaims.identity.internal.RoleGrantRepository;
import org.openaims.identity.internal.SessionTerminator;
import org.openaims.identity.internal.User;
import org.openaims.identity.internal.Users;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Creating users, changing their roles, disabling them and setting passwords. Administrators only,
 * except that every user may change their own password. The last enabled administrator cannot be
 * disabled or lose the role, and nobody disables or demotes themselves. Disabling a user, changing
 * their roles or setting their password ends their browser sessions on every node. An approving role
 * (ADMIN, AIMS_MANAGER, APPROVER) given by an administrator waits for a second administrator's
 * approval ({@link RoleGrants}), unless the installation runs in single-admin mode.
 */
@Service
@Validated
@Transactional
public class UserAdministration {

	private final Users users;

	private final PasswordEncoder passwords;

	private final SessionTerminator sessions;

	private final ApiTokenService tokens;

	private final RoleGrantRepository grants;

	private final RoleGrants roleGrants;

	private final UserDirectory directory;

	UserAdministration(Users users, PasswordEncoder passwords, SessionTerminator sessions, ApiTokenService tokens,
			RoleGrantRepository grants, RoleGrants roleGrants, UserDirectory directory) {
		this.users = users;
		this.passwords = passwords;
		this.sessions = sessions;
		this.tokens = tokens;
		this.grants = grants;
		this.roleGrants = roleGrants;
		this.directory = directory;
	}

	@PreAuthorize("hasRole('ADMIN')")
	public UserView create(@Valid NewUser user) {
		if (users.existsByUsername(user.username())) {
			throw new InvalidInputException("username", "is taken already");
		}
		PasswordPolicy.check("password", user.username(), user.password());
		return created(user);
	}

	/**
	 * Creates an account that nobody can sign in to until an administrator sets its password (the
	 * demo organization's people): its password is a random secret that is never shown.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public UserView createWithoutPassword(String username, String displayName, String email, Set<Role> roles) {
		if (users.existsByUsername(username)) {
			throw new InvalidInputException("username", "is taken already");
		}
		byte[] secret = new byte[32];
		new java.security.SecureRandom().nextBytes(secret);
		return created(new NewUser(username, displayName, email, java.util.HexFormat.of().formatHex(secret), roles));
	}

	private UserView created(NewUser user) {
		Actor actor = CurrentUser.actor();
		Set<Role> reviewed = reviewed(user.roles(), Set.of(), actor);
		Set<Role> now = EnumSet.noneOf(Role.class);
		user.roles().stream().filter(r -> !reviewed.contains(r)).forEach(now::add);
		User created = users.save(User.create(new NewUser(user.username(), user.displayName(), user.email(), user.password(), now),
				passwords.encode(user.password()), actor));
		reviewed.forEach(role -> grants.save(RoleGrant.request(created.id(), created.username(), role, actor)));
		return directory.withPendingRoles(created.id()).orElseThrow();
	}

	/**
	 * The approving roles among {@code wanted} that wait for a second administrator: those not held
	 * yet, unless the system grants them (bootstrap, demo data) or the installation runs in
	 * single-admin mode.
	 */
	private Set<Role> reviewed(Set<Role> wanted, Set<Role> held, Actor actor) {
		Set<Role> reviewed = EnumSet.noneOf(Role.class);
		if (roleGrants.singleAdminMode() || Actor.SYSTEM.equals(actor)) {
			return reviewed;
		}
		wanted.stream().filter(RoleGrants.APPROVING::contains).filter(r -> !held.contains(r)).forEach(reviewed::add);
		return reviewed;
	}

	@PreAuthorize("hasRole('ADMIN')")
	public UserView change(UUID id, @Valid UserChanges changes) {
		User user = users.findById(id).orElseThrow(() -> new NotFoundException("user", id));
		boolean self = user.username().equals(CurrentUser.username());
		boolean wasAdmin = user.enabled() && user.roleSet().contains(Role.ADMIN);
		boolean staysAdmin = changes.enabled() && changes.roles().contains(Role.ADMIN);
		if (self && !changes.enabled()) {
			throw new InvalidInputException("enabled", "you cannot disable your own account");
		}
		if (self && wasAdmin && !staysAdmin) {
			throw new InvalidInputException("roles", "you cannot remove your own ADMIN role");
		}
		if (wasAdmin && !staysAdmin && users.countEnabledAdmins() <= 1) {
			throw new ConflictException("this is the last enabled administrator; make someone else ADMIN first");
		}
		java.util.Set<Role> rolesBefore = user.roleSet();
		boolean enabledBefore = user.enabled();
		Actor actor = CurrentUser.actor();
		Set<Role> reviewed = reviewed(changes.roles(), rolesBefore, actor);
		Set<Role> now = EnumSet.noneOf(Role.class);
		changes.roles().stream().filter(r -> !reviewed.contains(r)).forEach(now::add);
		user.change(new UserChanges(changes.displayName(), changes.email(), now, changes.enabled(), changes.version()), actor);
		UserView saved = users.save(user).view();
		for (RoleGrant pending : grants.findByUserIdAndStatus(user.id(), RoleGrantStatus.PENDING)) {
			if (!saved.enabled()) {
				pending.end(RoleGrantStatus.VOID, "the account was disabled", actor);
				grants.save(pending);
			}
			else if (!reviewed.remove(pending.role())) {
				pending.end(RoleGrantStatus.WITHDRAWN, "the role was taken out of the user's roles", actor);
				grants.save(pending);
			}
		}
		if (saved.enabled()) {
			reviewed.forEach(role -> grants.save(RoleGrant.request(user.id(), user.username(), role, actor)));
		}
		if (enabledBefore && !saved.enabled()) {
			sessions.endSessions(saved.username(), null, "the account was disabled");
		}
		else if (!rolesBefore.equals(saved.roles())) {
			sessions.endSessions(saved.username(), null, "the roles changed to " + new java.util.TreeSet<>(saved.roles()));
		}
		return directory.withPendingRoles(saved.id()).orElseThrow();
	}

	/**
	 * Sets a user's password (an administrator, e.g. after a suspected compromise): ends all their
	 * sessions and revokes their API tokens, unless {@code keepTokens} says to keep the tokens.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public void resetPassword(UUID id, String newPassword, boolean keepTokens) {
		User user = users.findById(id).orElseThrow(() -> new NotFoundException("user", id));
		PasswordPolicy.check("password", user.username(), newPassword);
		user.setPassword(passwords.encode(newPassword), CurrentUser.actor());
		users.save(user);
		sessions.endSessions(user.username(), null, "an administrator set a new password");
		if (!keepTokens) {
			tokens.revokeAllOf(user.id(), CurrentUser.actor());
		}
	}

	/** Any signed-in user changes their own password, proving they know the current one. */
	@PreAuthorize("isAuthenticated()")
	public void changeOwnPassword(String currentPassword, String newPassword) {
		User user = users.findByUsername(CurrentUser.username())
			.orElseThrow(() -> new AccessDeniedException("only users with a password can change it"));
		if (currentPassword == null || !passwords.matches(currentPassword, user.passwordHash())) {
			throw new InvalidInputException("currentPassword", "is not your current password");
		}
		PasswordPolicy.check("newPassword", user.username(), newPassword);
		user.setPassword(passwords.encode(newPassword), CurrentUser.actor());
		users.save(user);
		sessions.endSessions(user.username(), currentSessionId(), "the user changed their password");
	}

	private static String currentSessionId() {
		var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
		return attributes == null ? null : attributes.getSessionId();
	}

	/** Whether any user exists (the bootstrap creates the first administrator otherwise). */
	public boolean anyUser() {
		return users.count() > 0;
	}
}
