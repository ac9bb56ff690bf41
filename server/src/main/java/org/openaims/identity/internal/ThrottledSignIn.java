package org.openaims.identity.internal;

import org.openaims.identity.SecurityLog;
import org.openaims.identity.SignInThrottled;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in behind the throttle: an attempt made too soon after failures, or while the name or
 * the address is locked, is refused before the password is even checked; every outcome goes to the
 * security log.
 */
class ThrottledSignIn implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final SignInThrottle throttle;

	private final SecurityLog log;

	ThrottledSignIn(AuthenticationProvider passwords, SignInThrottle throttle, SecurityLog log) {
		this.passwords = passwords;
		this.throttle = throttle;
		this.log = log;
	}

	@Override
	public Authentication authenticate(Authentication attempt) throws AuthenticationException {
		String name = String.valueOf(attempt.getName());
		String client = attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
		var refused = throttle.refusedUntil(name, client);
		if (refused.isPresent()) {
			log.record(SecurityLog.SIGN_IN_FAILED, SignInThrottle.normalize(name), client, "refused while throttled");
			throw new SignInThrottled(refused.get());
		}
		try {
			Authentication result = passwords.authenticate(attempt);
			throttle.succeeded(name);
			log.record(SecurityLog.SIGN_IN, result.getName(), client, "password");
			return result;
		}
		catch (AuthenticationException e) {
			throttle.failed(SignInThrottle.normalize(name), client, e instanceof DisabledException ? "disabled account"
					: e instanceof BadCredentialsException ? "wrong username or password" : e.getClass().getSimpleName());
			throw e;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
