package org.openaims.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.openaims.AimsTest;
import org.openaims.Api;
import org.openaims.TestUsers;
import org.openaims.TestUsers.TestUser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The probe's second finding: after an administrator disabled a user, removed their roles and reset
 * their password, the user's open browser session still saved a scope version, and a disabled
 * ex-approver's session approved a policy. Sessions now live in the database and end with the
 * rights they were opened with; roles are read at every request. (Across two nodes: SessionsAcrossNodesTests.)
 */
@AimsTest
class SessionRevocationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void disabledUsersOpenSessionCanNoLongerSaveAScopeVersion() {
		TestUser admin = users.create(Role.ADMIN);
		TestUser manager = users.create(Role.AIMS_MANAGER);
		Cookie session = signIn(manager.username());
		assertThat(saveScope(session, "before")).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/scope");
		long versions = scopeVersions();

		disable(admin, manager.username());
		assertThat(openSessions(manager.username())).isZero();
		MvcTestResult after = saveScope(session, "after");
		assertThat(after).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login");
		assertThat(scopeVersions()).isEqualTo(versions);
		assertThat(mvc.get().uri("/scope").cookie(session).exchange()).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login");
	}

	@Test
	void disabledExApproversOpenSessionCannotApproveAPolicy() {
		TestUser admin = users.create(Role.ADMIN);
		TestUser manager = users.create(Role.AIMS_MANAGER);
		TestUser approver = users.create(Role.APPROVER);
		Cookie session = signIn(approver.username());
		String approval = submittedPolicy(manager);
		assertThat(mvc.get().uri("/approvals/" + approval).cookie(session).exchange()).hasStatusOk();

		disable(admin, approver.username());
		MvcTestResult decided = mvc.post().uri("/approvals/" + approval + "/decide").cookie(session).with(csrf())
			.param("decision", "APPROVE").exchange();
		assertThat(decided).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login");
		assertThat(api.body(api.get(manager, "/api/v1/approvals/" + approval), HttpStatus.OK).get("status").asString())
			.isEqualTo("PENDING");
	}

	@Test
	void changingAUsersRolesEndsTheirSessionsAndRolesAreReadAtEachRequest() {
		TestUser admin = users.create(Role.ADMIN);
		TestUser manager = users.create(Role.AIMS_MANAGER);
		Cookie session = signIn(manager.username());
		assertThat(saveScope(session, "one")).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/scope");

		// A role removed behind the service's back (no session ended) still applies at the next request.
		UUID id = userId(admin, manager.username());
		jdbc.sql("UPDATE user_roles SET role = 'VIEWER' WHERE user_id = :id").param("id", id).update();
		long versions = scopeVersions();
		assertThat(saveScope(session, "two")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(scopeVersions()).isEqualTo(versions);
		jdbc.sql("UPDATE user_roles SET role = 'AIMS_MANAGER' WHERE user_id = :id").param("id", id).update();
		assertThat(saveScope(session, "three")).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/scope");

		// Through the administration the sessions end at once.
		api.body(api.put(admin, "/api/v1/users/" + id, Map.of("roles", List.of("VIEWER"), "enabled", true)), HttpStatus.OK);
		assertThat(openSessions(manager.username())).isZero();
		assertThat(mvc.get().uri("/scope").cookie(session).exchange()).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login");
	}

	@Test
	void passwordResetEndsSessionsAndRevokesApiTokensUnlessTheAdministratorKeepsThem() {
		TestUser admin = users.create(Role.ADMIN);
		TestUser owner = users.create(Role.SYSTEM_OWNER);
		Cookie session = signIn(owner.username());
		UUID id = userId(admin, owner.username());
		api.body(api.post(admin, "/api/v1/users/" + id + "/password", Map.of("password", "a-fresh-passphrase-for-owner")),
				HttpStatus.NO_CONTENT);
		assertThat(mvc.get().uri("/ai-systems").cookie(session).exchange()).hasStatus(HttpStatus.FOUND);
		assertThat(api.get(owner, "/api/v1/ai-systems")).hasStatus(HttpStatus.UNAUTHORIZED);

		TestUser pipeline = users.create(Role.CONTRIBUTOR);
		UUID pipelineId = userId(admin, pipeline.username());
		api.body(api.post(admin, "/api/v1/users/" + pipelineId + "/password",
				Map.of("password", "another-fresh-passphrase", "keepTokens", true)), HttpStatus.NO_CONTENT);
		assertThat(api.get(pipeline, "/api/v1/ai-systems")).hasStatusOk();
	}

	@Test
	void changingOnesOwnPasswordEndsTheOtherSessionsButNotThisOne() {
		TestUser viewer = users.create(Role.VIEWER);
		Cookie laptop = signIn(viewer.username());
		Cookie phone = signIn(viewer.username());
		assertThat(openSessions(viewer.username())).isEqualTo(2);
		MvcTestResult changed = mvc.post().uri("/account/password").cookie(laptop).with(csrf())
			.param("currentPassword", TestUsers.PASSWORD).param("newPassword", "my-new-long-passphrase").exchange();
		assertThat(changed).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri("/ai-systems").cookie(laptop).exchange()).hasStatusOk();
		assertThat(mvc.get().uri("/ai-systems").cookie(phone).exchange()).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login");
	}

	private Cookie signIn(String username) {
		MvcTestResult signedIn = mvc.post().uri("/login").param("username", username).param("password", TestUsers.PASSWORD)
			.with(csrf()).exchange();
		assertThat(signedIn).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/");
		Cookie cookie = signedIn.getResponse().getCookie("SESSION");
		assertThat(cookie).isNotNull();
		return cookie;
	}

	private MvcTestResult saveScope(Cookie session, String text) {
		return mvc.post().uri("/scope/edit").cookie(session).with(csrf()).param("boundaries", "All AI systems " + text)
			.param("inclusionCriteria", "Everything we build or buy").exchange();
	}

	private long scopeVersions() {
		return jdbc.sql("SELECT COUNT(*) FROM scope_statements").query(Long.class).single();
	}

	private long openSessions(String username) {
		return jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = :u").param("u", username).query(Long.class)
			.single();
	}

	private UUID userId(TestUser admin, String username) {
		return UUID.fromString(api.body(api.get(admin, "/api/v1/users?q=" + username), HttpStatus.OK).get("items").get(0)
			.get("id").asString());
	}

	private void disable(TestUser admin, String username) {
		UUID id = userId(admin, username);
		api.body(api.put(admin, "/api/v1/users/" + id, Map.of("roles", List.of("VIEWER"), "enabled", false)), HttpStatus.OK);
	}

	private String submittedPolicy(TestUser manager) {
		String id = api.body(api.post(manager, "/api/v1/policies", Map.of("title", "Session policy " + System.nanoTime(), "owner",
				manager.username(), "reviewIntervalMonths", 12, "approvalsRequired", 1, "body", "text")), HttpStatus.CREATED)
			.get("id").asString();
		return api.body(api.post(manager, "/api/v1/policies/" + id + "/versions/1/submit", Map.of()), HttpStatus.OK)
			.get("approval").get("id").asString();
	}
}
