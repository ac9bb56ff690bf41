package org.openaims.identity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

import org.openaims.common.Actor;
import org.openaims.identity.internal.AimsPrincipal;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The user on whose behalf the current thread works, read from the security context. Services use
 * it for checks that depend on the record (object-level authorization) and to stamp events.
 */
public final class CurrentUser {

	private CurrentUser() {
	}

	/** The acting user; {@link Actor#SYSTEM} inside {@link #runAsSystem}. */
	public static Actor actor() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null) {
			return Actor.SYSTEM;
		}
		if (auth.getPrincipal() instanceof AimsPrincipal principal) {
			return new Actor(principal.getUsername(), principal.tokenId());
		}
		return Actor.user(auth.getName());
	}

	public static String username() {
		return actor().username();
	}

	/** The roles the acting user holds (none when nobody is signed in). */
	public static Set<Role> roles() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
			return roles;
		}
		for (GrantedAuthority authority : auth.getAuthorities()) {
			for (Role role : Role.values()) {
				if (role.authority().equals(authority.getAuthority())) {
					roles.add(role);
				}
			}
		}
		return roles;
	}

	public static boolean hasAnyRole(Role... roles) {
		Set<Role> held = roles();
		return Arrays.stream(roles).anyMatch(held::contains);
	}

	/** Throws {@link AccessDeniedException} with {@code reason} unless the user holds one of {@code roles}. */
	public static void requireAnyRole(String reason, Role... roles) {
		if (!hasAnyRole(roles)) {
			throw new AccessDeniedException(reason);
		}
	}

	/**
	 * Runs work as the application itself (bootstrap, demo data, scheduled jobs), holding every role,
	 * and restores the previous security context afterwards.
	 */
	public static <T> T runAsSystem(Supplier<T> work) {
		return runAs(Actor.SYSTEM.username(), EnumSet.allOf(Role.class), work);
	}

	/**
	 * Runs work as the named user holding {@code roles} (demo data written by its people, jobs acting
	 * for a user), and restores the previous security context afterwards.
	 */
	public static <T> T runAs(String username, Set<Role> roles, Supplier<T> work) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
				roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	public static void runAsSystem(Runnable work) {
		runAsSystem(() -> {
			work.run();
			return null;
		});
	}
}
