package org.openaims.identity.internal;

import org.openaims.common.AccessRefusal;
import org.openaims.common.Actor;
import org.openaims.common.Stamp;
import org.openaims.identity.AccessRefused;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.SignInFailed;
import org.openaims.identity.UserSignedIn;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns sign-ins, failed sign-ins and refused actions into domain events for the ledger. Each is
 * published in a transaction of its own so the event publication registry keeps it even when the
 * request that caused it fails.
 */
@Component
public class SecurityAudit {

	static final String PASSWORD = "password";

	static final String API_TOKEN = "api-token";

	private final ApplicationEventPublisher events;

	SecurityAudit(ApplicationEventPublisher events) {
		this.events = events;
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void on(AuthenticationSuccessEvent success) {
		// Bearer tokens are checked by our own filter and raise no such event; this is a password sign-in.
		String username = success.getAuthentication().getName();
		events.publishEvent(new UserSignedIn(username, PASSWORD, Stamp.of(Actor.user(username))));
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void on(AbstractAuthenticationFailureEvent failure) {
		String attempted = cut(String.valueOf(failure.getAuthentication().getName()));
		String reason = failure.getException().getClass().getSimpleName().replace("Exception", "");
		events.publishEvent(new SignInFailed(attempted, PASSWORD, reason, Stamp.of(Actor.user(attempted))));
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void on(AccessRefusal refusal) {
		Actor actor = CurrentUser.actor();
		events.publishEvent(new AccessRefused(actor.username(), refusal.method(), cut(refusal.path(), 500),
				cut(refusal.reason(), 1000), Stamp.of(actor)));
	}

	/** An API request came with a token that is unknown, expired or revoked. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void badToken(String path) {
		events.publishEvent(new SignInFailed("(api token)", API_TOKEN, "unknown, expired or revoked token on " + cut(path, 200),
				Stamp.of(Actor.user("anonymous"))));
	}

	private static String cut(String value) {
		return cut(value, 64);
	}

	private static String cut(String value, int length) {
		if (value == null || value.isBlank()) {
			return "(none)";
		}
		return value.length() <= length ? value : value.substring(0, length);
	}
}
