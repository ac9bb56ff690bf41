package org.openaims.identity;

import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.common.ConflictException;
import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
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
 * disabled or lose the role, and nobody disables or demotes themselves.
 */
@Service
@Validated
@Transactional
public class UserAdministration {

	static final int MIN_PASSWORD = 12;

	private final Users users;

	private final PasswordEncoder passwords;

	UserAdministration(Users users, PasswordEncoder passwords) {
		this.users = users;
		this.passwords = passwords;
	}

	@PreAuthorize("hasRole('ADMIN')")
	public UserView create(@Valid NewUser user) {
		if (users.existsByUsername(user.username())) {
			throw new InvalidInputException("username", "is taken already");
		}
		return users.save(User.create(user, passwords.encode(user.password()), CurrentUser.actor())).view();
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
		user.change(changes, CurrentUser.actor());
		return users.save(user).view();
	}

	@PreAuthorize("hasRole('ADMIN')")
	public void resetPassword(UUID id, String newPassword) {
		User user = users.findById(id).orElseThrow(() -> new NotFoundException("user", id));
		user.setPassword(passwords.encode(checked("password", newPassword)), CurrentUser.actor());
		users.save(user);
	}

	/** Any signed-in user changes their own password, proving they know the current one. */
	@PreAuthorize("isAuthenticated()")
	public void changeOwnPassword(String currentPassword, String newPassword) {
		User user = users.findByUsername(CurrentUser.username())
			.orElseThrow(() -> new AccessDeniedException("only users with a password can change it"));
		if (currentPassword == null || !passwords.matches(currentPassword, user.passwordHash())) {
			throw new InvalidInputException("currentPassword", "is not your current password");
		}
		user.setPassword(passwords.encode(checked("newPassword", newPassword)), CurrentUser.actor());
		users.save(user);
	}

	/** Whether any user exists (the bootstrap creates the first administrator otherwise). */
	public boolean anyUser() {
		return users.count() > 0;
	}

	private static String checked(String field, String password) {
		if (password == null || password.length() < MIN_PASSWORD || password.length() > 200) {
			throw new InvalidInputException(field, "must have " + MIN_PASSWORD + " to 200 characters");
		}
		return password;
	}
}
