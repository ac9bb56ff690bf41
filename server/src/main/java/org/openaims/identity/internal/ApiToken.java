package org.openaims.identity.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.openaims.common.Actor;
import org.openaims.common.Stamp;
import org.openaims.identity.ApiTokenCreated;
import org.openaims.identity.ApiTokenRevoked;
import org.openaims.identity.ApiTokenView;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A bearer token for the API and CLI. Only the SHA-256 of its secret is stored (and listed by the
 * first characters of that hash, its fingerprint); it expires and can be revoked. Its last use is
 * kept to the day.
 */
@Table("api_tokens")
public class ApiToken extends AbstractAggregateRoot<ApiToken> {

	@Id
	private UUID id;

	@Version
	private Long version;

	private UUID userId;

	private String username;

	private String name;

	private String tokenHash;

	private String fingerprint;

	private Instant createdAt;

	private Instant expiresAt;

	private Instant revokedAt;

	private LocalDate lastUsedOn;

	ApiToken() {
	}

	public static ApiToken issue(UUID userId, String username, String name, String secret, Instant expiresAt, Actor actor) {
		ApiToken token = new ApiToken();
		token.id = UUID.randomUUID();
		token.userId = userId;
		token.username = username;
		token.name = name;
		token.tokenHash = TokenHashing.hash(secret);
		token.fingerprint = token.tokenHash.substring(0, 8);
		token.createdAt = Instant.now();
		token.expiresAt = expiresAt;
		token.registerEvent(new ApiTokenCreated(token.id, username, name, expiresAt, Stamp.of(actor)));
		return token;
	}

	public void revoke(Actor actor) {
		if (revokedAt == null) {
			revokedAt = Instant.now();
			registerEvent(new ApiTokenRevoked(id, username, name, Stamp.of(actor)));
		}
	}

	public boolean isActive(Instant now) {
		return revokedAt == null && expiresAt.isAfter(now);
	}

	public UUID id() {
		return id;
	}

	public UUID userId() {
		return userId;
	}

	public String username() {
		return username;
	}

	public LocalDate lastUsedOn() {
		return lastUsedOn;
	}

	public ApiTokenView view() {
		return new ApiTokenView(id, username, name, fingerprint, createdAt, expiresAt, lastUsedOn, revokedAt,
				isActive(Instant.now()));
	}
}
