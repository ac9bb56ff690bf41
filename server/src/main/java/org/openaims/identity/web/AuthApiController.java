package org.openaims.identity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.openaims.identity.ApiTokenService;
import org.openaims.identity.IssuedApiToken;
import org.openaims.identity.NewApiToken;

import jakarta.servlet.http.HttpServletRequest;

import org.openaims.common.web.Problems;
import org.openaims.identity.SignInThrottled;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Exchanges a username and password for a new API token (what {@code aims login} calls). */
@RestController
@RequestMapping("/api/v1/auth")
class AuthApiController {

	private final AuthenticationManager authentication;

	private final ApiTokenService tokens;

	AuthApiController(AuthenticationManager authentication, ApiTokenService tokens) {
		this.authentication = authentication;
		this.tokens = tokens;
	}

	record TokenLogin(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password,
			@Size(max = 100) String tokenName, @Min(1) @Max(365) Integer expiresInDays) {
	}

	@PostMapping("/token")
	@ResponseStatus(HttpStatus.CREATED)
	IssuedApiToken token(@Valid @RequestBody TokenLogin login, HttpServletRequest request) {
		UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(login.username(),
				login.password());
		attempt.setDetails(new WebAuthenticationDetails(request));
		try {
			authentication.authenticate(attempt);
		}
		catch (SignInThrottled throttled) {
			throw throttled;
		}
		catch (AuthenticationException e) {
			// Same answer for unknown user, wrong password and disabled account.
			throw new BadCredentialsException("wrong username or password, or the account is disabled");
		}
		String name = login.tokenName() == null || login.tokenName().isBlank() ? "aims login" : login.tokenName();
		return tokens.issueAfterPasswordLogin(login.username(), new NewApiToken(name, login.expiresInDays()));
	}

	/** 429 with {@code Retry-After}: the same answer whether or not the account exists. */
	@ExceptionHandler(SignInThrottled.class)
	ResponseEntity<ProblemDetail> throttled(SignInThrottled throttled) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()))
			.body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-sign-ins", "Too many failed sign-ins",
					throttled.getMessage()));
	}
}
