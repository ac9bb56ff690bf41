package org.openaims.identity.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.openaims.identity.Role;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as Spring Security holds it: name, roles and, for API requests, the token used.
 */
public final class AimsPrincipal implements UserDetails, CredentialsContainer {

	private final UUID userId;

	private final String username;

	private String passwordHash;

	private final boolean enabled;

	private final List<GrantedAuthority> authorities;

	private final Set<Role> roles;

	private final UUID tokenId;

	public AimsPrincipal(UUID userId, String username, String passwordHash, boolean enabled, Set<Role> roles, UUID tokenId) {
		this.userId = userId;
		this.username = username;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.roles = roles.isEmpty() ? java.util.EnumSet.noneOf(Role.class) : java.util.EnumSet.copyOf(roles);
		this.authorities = roles.stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority(r.authority())).toList();
		this.tokenId = tokenId;
	}

	public UUID userId() {
		return userId;
	}

	/** The roles the user held when this principal was made. */
	public Set<Role> roles() {
		return java.util.Collections.unmodifiableSet(roles);
	}

	/** The API token this request authenticated with, or null for a browser session. */
	public UUID tokenId() {
		return tokenId;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return authorities;
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AimsPrincipal p && p.username.equals(username);
	}

	@Override
	public int hashCode() {
		return username.hashCode();
	}

	@Override
	public String toString() {
		return username;
	}
}
