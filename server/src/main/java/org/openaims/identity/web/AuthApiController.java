package org.openaims.identity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.openaims.identity.ApiTokenService;
import org.openaims.identity.IssuedApiToken;
import org.openaims.identity.NewApiToken;

import org.springframework.http.HttpStatus;
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
	IssuedApiToken token(@Valid @RequestBody TokenLogin login) {
		try {
			authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(login.username(), login.password()));
		}
		catch (AuthenticationException e) {
			// Same answer for unknown user, wrong password and disabled account.
			throw new BadCredentialsException("wrong username or password, or the account is disabled");
		}
		String name = login.tokenName() == null || login.tokenName().isBlank() ? "aims login" : login.tokenName();
		return tokens.issueAfterPasswordLogin(login.username(), new NewApiToken(name, login.expiresInDays()));
	}
}
