package org.openaims.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openaims.AimsTest;
import org.openaims.Api;
import org.openaims.TestUsers;
import org.openaims.TestUsers.TestUser;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Tokens and user administration through the REST API. */
@AimsTest
class IdentityApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void exchangesAPasswordForATokenThatAuthenticates() {
		TestUser user = users.create(Role.VIEWER);
		JsonNode issued = api.body(login(user.username(), TestUsers.PASSWORD), HttpStatus.CREATED);
		String secret = issued.get("secret").asString();
		assertThat(secret).startsWith("aims_").hasSizeGreaterThan(40);
		assertThat(issued.get("token").get("name").asString()).isEqualTo("aims login");
		assertThat(mvc.get().uri("/api/v1/ai-systems").header("Authorization", "Bearer " + secret).exchange()).hasStatusOk();
	}

	@Test
	void refusesWrongPasswordsUnknownUsersAndDisabledAccountsAlike() {
		TestUser user = users.create(Role.VIEWER);
		api.problem(login(user.username(), "wrong-password-1"), HttpStatus.UNAUTHORIZED, null, "wrong username or password");
		api.problem(login("nobody-at-all", "wrong-password-1"), HttpStatus.UNAUTHORIZED, null, "wrong username or password");
		api.problem(mvc.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"x\"}")
			.exchange(), HttpStatus.BAD_REQUEST, "password", null);

		TestUser admin = users.create(Role.ADMIN);
		UserView view = user(admin, user.username());
		api.body(api.put(admin, "/api/v1/users/" + view.id(), Map.of("roles", List.of("VIEWER"), "enabled", false)), HttpStatus.OK);
		api.problem(login(user.username(), TestUsers.PASSWORD), HttpStatus.UNAUTHORIZED, null, null);
		// Tokens of a disabled user stop working too.
		assertThat(api.get(user, "/api/v1/ai-systems")).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void listsTokensWithoutTheirSecretAndRevokesThem() throws Exception {
		TestUser user = users.create(Role.SYSTEM_OWNER);
		JsonNode issued = api.body(api.post(user, "/api/v1/tokens", Map.of("name", "ci", "expiresInDays", 30)), HttpStatus.CREATED);
		String secret = issued.get("secret").asString();
		String id = issued.get("token").get("id").asString();

		MvcTestResult list = api.get(user, "/api/v1/tokens");
		String listed = list.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(listed).contains("\"ci\"").doesNotContain(secret).doesNotContain("tokenHash").doesNotContain("secret");
		String stored = jdbc.sql("SELECT token_hash FROM api_tokens WHERE id = :id").param("id", java.util.UUID.fromString(id))
			.query(String.class).single();
		assertThat(stored).hasSize(64).isNotEqualTo(secret);

		TestUser other = users.create(Role.SYSTEM_OWNER);
		api.problem(api.delete(other, "/api/v1/tokens/" + id), HttpStatus.NOT_FOUND, null, null);
		assertThat(mvc.get().uri("/api/v1/ai-systems").header("Authorization", "Bearer " + secret).exchange()).hasStatusOk();

		JsonNode revoked = api.body(api.delete(user, "/api/v1/tokens/" + id), HttpStatus.OK);
		assertThat(revoked.get("active").asBoolean()).isFalse();
		assertThat(mvc.get().uri("/api/v1/ai-systems").header("Authorization", "Bearer " + secret).exchange())
			.hasStatus(HttpStatus.UNAUTHORIZED);

		api.problem(api.post(user, "/api/v1/tokens", Map.of("name", "forever", "expiresInDays", 3650)), HttpStatus.BAD_REQUEST,
				"expiresInDays", "365");
		api.problem(api.post(user, "/api/v1/tokens", Map.of("name", " ")), HttpStatus.BAD_REQUEST, "name", null);
	}

	@Test
	void expiredTokensNoLongerAuthenticate() {
		TestUser user = users.create(Role.VIEWER);
		assertThat(api.get(user, "/api/v1/ai-systems")).hasStatusOk();
		String secretHash = org.openaims.identity.internal.TokenHashing.hash(user.bearer().substring("Bearer ".length()));
		jdbc.sql("UPDATE api_tokens SET expires_at = :past WHERE token_hash = :hash")
			.param("past", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)))
			.param("hash", secretHash)
			.update();
		api.problem(api.get(user, "/api/v1/ai-systems"), HttpStatus.UNAUTHORIZED, null, "expired");
	}

	@Test
	void administratorsManageUsers() {
		TestUser admin = users.create(Role.ADMIN);
		String name = "new-" + System.nanoTime();
		JsonNode created = api.body(api.post(admin, "/api/v1/users", Map.of("username", name, "password",
				"a-long-enough-password", "roles", List.of("RISK_OWNER", "APPROVER"), "email", name + "@example.org")),
				HttpStatus.CREATED);
		// APPROVER waits for a second administrator's approval; RISK_OWNER is held at once.
		assertThat(created.get("roles")).hasSize(1);
		assertThat(created.get("pendingRoles").toString()).isEqualTo("[\"APPROVER\"]");
		assertThat(created.toString()).doesNotContain("password");
		api.body(login(name, "a-long-enough-password"), HttpStatus.CREATED);

		api.problem(api.post(admin, "/api/v1/users", Map.of("username", name, "password", "a-long-enough-password", "roles",
				List.of("VIEWER"))), HttpStatus.BAD_REQUEST, "username", "taken");
		api.problem(api.post(admin, "/api/v1/users", Map.of("username", "Bad Name", "password", "short", "roles", List.of())),
				HttpStatus.BAD_REQUEST, "password", null);
		api.problem(api.post(admin, "/api/v1/users", Map.of("username", "x" + name, "password", "a-long-enough-password",
				"roles", List.of("SUPERUSER"))), HttpStatus.BAD_REQUEST, "roles[0]", "one of");

		String id = created.get("id").asString();
		api.body(api.post(admin, "/api/v1/users/" + id + "/password", Map.of("password", "another-long-password")),
				HttpStatus.NO_CONTENT);
		api.body(login(name, "another-long-password"), HttpStatus.CREATED);
		api.problem(api.post(admin, "/api/v1/users/" + id + "/password", Map.of("password", "short")), HttpStatus.BAD_REQUEST,
				"password", "12");

		TestUser manager = users.create(Role.AIMS_MANAGER);
		api.problem(api.post(manager, "/api/v1/users", Map.of("username", "y" + name, "password", "a-long-enough-password",
				"roles", List.of("ADMIN"))), HttpStatus.FORBIDDEN, null, null);
		api.problem(api.put(manager, "/api/v1/users/" + id, Map.of("roles", List.of("ADMIN"), "enabled", true)),
				HttpStatus.FORBIDDEN, null, null);
		// Everyone signed in may list users, e.g. to choose an owner.
		assertThat(api.body(api.get(manager, "/api/v1/users?q=" + name), HttpStatus.OK).get("items").get(0).get("username")
			.asString()).isEqualTo(name);
	}

	@Test
	void administratorsCannotLockThemselvesOut() {
		TestUser admin = users.create(Role.ADMIN);
		UserView self = user(admin, admin.username());
		api.problem(api.put(admin, "/api/v1/users/" + self.id(), Map.of("roles", List.of("ADMIN"), "enabled", false)),
				HttpStatus.BAD_REQUEST, "enabled", "your own account");
		api.problem(api.put(admin, "/api/v1/users/" + self.id(), Map.of("roles", List.of("VIEWER"), "enabled", true)),
				HttpStatus.BAD_REQUEST, "roles", "your own ADMIN role");
		assertThat(user(admin, admin.username()).roles()).contains(Role.ADMIN);
	}

	private UserView user(TestUser asker, String username) {
		JsonNode item = api.body(api.get(asker, "/api/v1/users?q=" + username), HttpStatus.OK).get("items").get(0);
		Set<Role> roles = new java.util.HashSet<>();
		item.get("roles").forEach(r -> roles.add(Role.valueOf(r.asString())));
		return new UserView(java.util.UUID.fromString(item.get("id").asString()), item.get("username").asString(), null,
				null, roles, item.get("enabled").asBoolean(), null, null, item.get("version").asLong());
	}

	private MvcTestResult login(String username, String password) {
		return mvc.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content(api.write(Map.of("username", username, "password", password))).exchange();
	}
}
