package org.openaims.identity.web;

import java.util.List;
import java.util.UUID;

import org.openaims.common.NotFoundException;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.SecurityLog;
import org.openaims.identity.SecurityLogEntry;
import org.openaims.identity.internal.SignInThrottle;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The security log and sign-in lockouts, for administrators. */
@RestController
class SecurityApiController {

	private final SecurityLog log;

	private final SignInThrottle throttle;

	SecurityApiController(SecurityLog log, SignInThrottle throttle) {
		this.log = log;
		this.throttle = throttle;
	}

	/**
	 * The security log, newest first. Filters: {@code kind} (SIGN_IN, SIGN_IN_FAILED, BAD_TOKEN,
	 * ACCESS_REFUSED, LOCKED_OUT, LOCKOUT_LIFTED, SESSIONS_ENDED, RATE_LIMITED), {@code subject}.
	 */
	@GetMapping("/api/v1/security-log")
	Page<SecurityLogEntry> securityLog(@RequestParam(required = false) String kind,
			@RequestParam(required = false) String subject, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String after) {
		return log.list(kind, subject, new PageRequest(limit, after, null));
	}

	/** Account names and client addresses locked after too many failed sign-ins. */
	@GetMapping("/api/v1/sign-in-lockouts")
	List<SignInThrottle.Lockout> lockouts() {
		return throttle.lockouts();
	}

	/** Lifts a lockout before it runs out. */
	@DeleteMapping("/api/v1/sign-in-lockouts/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void lift(@PathVariable UUID id) {
		if (!throttle.lift(id, CurrentUser.username())) {
			throw new NotFoundException("lockout", id);
		}
	}
}
