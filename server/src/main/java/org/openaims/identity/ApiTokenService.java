package org.openaims.identity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.common.Actor;
import org.openaims.common.NotFoundException;
import org.openaims.identity.internal.AimsPrincipal;
import org.openaims.identity.internal.ApiToken;
import org.openaims.identity.internal.ApiTokens;
import org.openaims.identity.internal.TokenHashing;
import org.openaims.identity.internal.User;
import org.openaims.identity.internal.Users;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * API tokens for the REST API and the CLI: issued to the signed-in user (the secret is shown once),
 * listed without the secret, revoked by their owner or an administrator, checked on every API call.
 */
@Service
@Validated
@Transactional
public class ApiTokenService {

	private final ApiTokens tokens;

	private final Users users;

	ApiTokenService(ApiTokens tokens, Users users) {
		this.tokens = tokens;
		this.users = users;
	}

	/** A new token for the signed-in user. */
	@PreAuthorize("isAuthenticated()")
	public IssuedApiToken issue(@Valid NewApiToken request) {
		return issueFor(CurrentUser.username(), request, CurrentUser.actor());
	}

	/**
	 * A new token for a user who has just proven their password ({@code POST /api/v1/auth/token});
	 * the caller has done the authentication.
	 */
	public IssuedApiToken issueAfterPasswordLogin(String username, @Valid NewApiToken request) {
		return issueFor(username, request, Actor.user(username));
	}

	/** The bootstrap token of an automated install, with a secret chosen by the operator. */
	public void issueBootstrapToken(String username, String secret, int days) {
		User user = users.findByUsername(username).orElseThrow(() -> new NotFoundException("user", username));
		if (tokens.findByTokenHash(TokenHashing.hash(secret)).isEmpty()) {
			tokens.save(ApiToken.issue(user.id(), username, "bootstrap", secret,
					Instant.now().plus(Duration.ofDays(days)), Actor.SYSTEM));
		}
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<ApiTokenView> mine() {
		return users.findByUsername(CurrentUser.username())
			.map(u -> tokens.findByUserIdOrderByCreatedAtDesc(u.id()).stream().map(ApiToken::view).toList())
			.orElse(List.of());
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public List<ApiTokenView> all() {
		return tokens.findAllByOrderByCreatedAtDesc().stream().map(ApiToken::view).toList();
	}

	/** Revokes a token of the signed-in user; administrators may revoke anyone's. */
	@PreAuthorize("isAuthenticated()")
	public ApiTokenView revoke(UUID id) {
		ApiToken token = tokens.findById(id).orElseThrow(() -> new NotFoundException("API token", id));
		if (!token.username().equals(CurrentUser.username()) && !CurrentUser.hasAnyRole(Role.ADMIN)) {
			// Other users' tokens are not even confirmed to exist.
			throw new NotFoundException("API token", id);
		}
		token.revoke(CurrentUser.actor());
		return tokens.save(token).view();
	}

	/** Revokes every active token of a user (after an administrator set a new password). */
	@PreAuthorize("hasRole('ADMIN')")
	public int revokeAllOf(UUID userId, Actor actor) {
		int revoked = 0;
		for (ApiToken token : tokens.findByUserIdOrderByCreatedAtDesc(userId)) {
			if (token.isActive(Instant.now())) {
				token.revoke(actor);
				tokens.save(token);
				revoked++;
			}
		}
		return revoked;
	}

	/** The principal a bearer secret stands for, if the token is active and its user enabled. */
	public Optional<AimsPrincipal> authenticate(String secret) {
		if (secret == null || secret.isBlank() || secret.length() > 200) {
			return Optional.empty();
		}
		Instant now = Instant.now();
		return tokens.findByTokenHash(TokenHashing.hash(secret))
			.filter(token -> token.isActive(now))
			.flatMap(token -> users.findById(token.userId()).filter(User::enabled).map(user -> {
				LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
				if (!today.equals(token.lastUsedOn())) {
					tokens.markUsed(token.id(), today);
				}
				return new AimsPrincipal(user.id(), user.username(), null, true, user.roleSet(), token.id());
			}));
	}

	private IssuedApiToken issueFor(String username, NewApiToken request, Actor actor) {
		User user = users.findByUsername(username)
			.orElseThrow(() -> new AccessDeniedException("only users can hold API tokens"));
		String secret = TokenHashing.newSecret();
		ApiToken token = tokens.save(ApiToken.issue(user.id(), username, request.name().strip(), secret,
				Instant.now().plus(Duration.ofDays(request.days())), actor));
		return new IssuedApiToken(token.view(), secret);
	}
}
