package org.openaims.identity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	ApiTokenService(ApiTokens tokens, Users users, JdbcClient jdbc) {
		this.tokens = tokens;
		this.users = users;
		this.jdbc = jdbc;
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
		// One statement for the token, its user and their roles: it runs before every API request.
		List<TokenHolder> rows = jdbc.sql("SELECT t.id, t.last_used_on, u.id, u.username, r.role FROM api_tokens t "
				+ "JOIN users u ON u.id = t.user_id LEFT JOIN user_roles r ON r.user_id = u.id "
				+ "WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND t.expires_at > :now AND u.enabled = TRUE")
			.param("hash", TokenHashing.hash(secret))
			.param("now", java.sql.Timestamp.from(now))
			.query((rs, n) -> new TokenHolder(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), rs.getObject(3, UUID.class),
					rs.getString(4), rs.getString(5)))
			.list();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		TokenHolder token = rows.get(0);
		Set<Role> roles = EnumSet.noneOf(Role.class);
		rows.stream().filter(r -> r.role() != null).forEach(r -> roles.add(Role.valueOf(r.role())));
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		if (!today.equals(token.lastUsedOn())) {
			tokens.markUsed(token.tokenId(), today);
		}
		return Optional.of(new AimsPrincipal(token.userId(), token.username(), null, true, roles, token.tokenId()));
	}

	private record TokenHolder(UUID tokenId, LocalDate lastUsedOn, UUID userId, String username, String role) {
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
