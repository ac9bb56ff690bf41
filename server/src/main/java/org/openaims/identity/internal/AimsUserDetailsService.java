package org.openaims.identity.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads users for password login (browser sessions and the token exchange). */
@Service
class AimsUserDetailsService implements UserDetailsService {

	private final Users users;

	AimsUserDetailsService(Users users) {
		this.users = users;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		User user = users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
		return new AimsPrincipal(user.id(), user.username(), user.passwordHash(), user.enabled(), user.roleSet(), null);
	}
}
