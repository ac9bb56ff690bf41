package org.openaims.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.Map;

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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The probe's third finding: 50 wrong passwords in a row on {@code /login} and on
 * {@code /api/v1/auth/token}, then the right one worked. Sign-ins are now throttled per account name
 * and per client address, with a growing delay and a temporary lockout, the same on both paths,
 * with an answer that says when to try again and not whether the account exists.
 */
@AimsTest
class SignInThrottlingTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void fiftyWrongPasswordsOnTheSignInPageThenTheRightOneIsRefused() {
		TestUser user = users.create(Role.VIEWER);
		RequestPostProcessor client = from("10.20.0.1");
		for (int i = 0; i < 50; i++) {
			MvcTestResult wrong = mvc.post().uri("/login").with(client).with(csrf()).param("username", user.username())
				.param("password", "wrong-guess-" + i).exchange();
			assertThat(wrong).hasStatus(HttpStatus.FOUND);
		}
		MvcTestResult right = mvc.post().uri("/login").with(client).with(csrf()).param("username", user.username())
			.param("password", TestUsers.PASSWORD).exchange();
		assertThat(right).hasStatus(HttpStatus.FOUND);
		assertThat(right.getResponse().getRedirectedUrl()).startsWith("/login?locked=");
		assertThat(mvc.get().uri(right.getResponse().getRedirectedUrl()).exchange()).bodyText()
			.contains("too many failed sign-ins; try again");
	}

	@Test
	void fiftyWrongPasswordsOnTheTokenApiThenTheRightOneIsRefusedWith429() {
		TestUser user = users.create(Role.VIEWER);
		RequestPostProcessor client = from("10.20.0.2");
		for (int i = 0; i < 50; i++) {
			assertThat(token(user.username(), "wrong-guess-" + i, client).getResponse().getStatus()).isIn(401, 429);
		}
		MvcTestResult right = token(user.username(), TestUsers.PASSWORD, client);
		JsonNode problem = api.problem(right, HttpStatus.TOO_MANY_REQUESTS, null, "try again after");
		assertThat(Long.parseLong(right.getResponse().getHeader("Retry-After"))).isPositive();
		assertThat(problem.get("detail").asString()).doesNotContain(user.username());
	}

	@Test
	void delayGrowsAfterEachFailureAndTheFifthLocksTheAccountFor15Minutes() {
		TestUser user = users.create(Role.VIEWER);
		RequestPostProcessor client = from("10.20.0.3");
		// One failure: no delay, the right password works (a person mistyping is not slowed).
		assertThat(token(user.username(), "typo-password-1", client)).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(token(user.username(), TestUsers.PASSWORD, client)).hasStatus(HttpStatus.CREATED);

		long[] delays = new long[4];
		for (int failure = 1; failure <= 5; failure++) {
			assertThat(token(user.username(), "wrong-guess-" + failure, client)).hasStatus(HttpStatus.UNAUTHORIZED);
			if (failure >= 2 && failure <= 4) {
				MvcTestResult early = token(user.username(), TestUsers.PASSWORD, client);
				assertThat(early).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
				delays[failure - 1] = Long.parseLong(early.getResponse().getHeader("Retry-After"));
				// Let the delay pass without sleeping: move the last failure back in time.
				jdbc.sql("UPDATE sign_in_throttle SET last_failure_at = last_failure_at - INTERVAL '2' MINUTE "
						+ "WHERE key_type = 'ACCOUNT' AND key_value = :k").param("k", user.username()).update();
			}
		}
		assertThat(delays[1]).isBetween(1L, 2L);
		assertThat(delays[2]).isBetween(2L, 3L);
		assertThat(delays[3]).isBetween(4L, 5L);
		MvcTestResult locked = token(user.username(), TestUsers.PASSWORD, client);
		assertThat(locked).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(Long.parseLong(locked.getResponse().getHeader("Retry-After"))).isBetween(14 * 60L, 15 * 60L + 1);
		// The lockout holds from any address: it is the account's.
		assertThat(token(user.username(), TestUsers.PASSWORD, from("10.20.0.99"))).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
	}

	@Test
	void anUnknownAccountIsThrottledExactlyLikeAKnownOne() {
		TestUser user = users.create(Role.VIEWER);
		String unknown = "nobody-" + System.nanoTime();
		RequestPostProcessor client = from("10.20.0.4");
		String[] answers = new String[2];
		String[] names = { user.username(), unknown };
		for (int n = 0; n < 2; n++) {
			for (int i = 0; i < 10; i++) {
				token(names[n], "wrong-guess-" + i, client);
			}
			MvcTestResult refused = token(names[n], "wrong-guess-last", client);
			assertThat(refused).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
			answers[n] = api.problem(refused, HttpStatus.TOO_MANY_REQUESTS, null, null).get("detail").asString()
				.replaceAll("[0-9]", "#");
		}
		assertThat(answers[0]).isEqualTo(answers[1]);
	}

	@Test
	void oneAddressSprayingManyAccountNamesIsLockedAsAnAddress() {
		TestUser user = users.create(Role.VIEWER);
		RequestPostProcessor sprayer = from("10.20.0.5");
		for (int i = 0; i < 20; i++) {
			token("spray-target-" + i + "-" + System.nanoTime(), "Winter2026!", sprayer);
		}
		assertThat(token(user.username(), TestUsers.PASSWORD, sprayer)).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(token(user.username(), TestUsers.PASSWORD, from("10.20.0.6"))).hasStatus(HttpStatus.CREATED);
	}

	@Test
	void administratorsListLockoutsAndLiftThem() {
		TestUser admin = users.create(Role.ADMIN);
		TestUser viewer = users.create(Role.VIEWER);
		RequestPostProcessor client = from("10.20.0.7");
		for (int i = 1; i <= 5; i++) {
			token(viewer.username(), "wrong-guess-" + i, client);
			jdbc.sql("UPDATE sign_in_throttle SET last_failure_at = last_failure_at - INTERVAL '2' MINUTE "
					+ "WHERE key_type = 'ACCOUNT' AND key_value = :k").param("k", viewer.username()).update();
		}
		assertThat(token(viewer.username(), TestUsers.PASSWORD, client)).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
		JsonNode lockouts = api.body(api.get(admin, "/api/v1/sign-in-lockouts"), HttpStatus.OK);
		JsonNode lockout = null;
		for (JsonNode l : lockouts) {
			if (l.get("key").asString().equals(viewer.username())) {
				lockout = l;
			}
		}
		assertThat(lockout).as("the viewer's lockout is listed").isNotNull();
		assertThat(lockout.get("type").asString()).isEqualTo("ACCOUNT");
		assertThat(api.get(viewer, "/api/v1/sign-in-lockouts")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(api.delete(viewer, "/api/v1/sign-in-lockouts/" + lockout.get("id").asString())).hasStatus(HttpStatus.FORBIDDEN);

		assertThat(api.delete(admin, "/api/v1/sign-in-lockouts/" + lockout.get("id").asString())).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(token(viewer.username(), TestUsers.PASSWORD, client)).hasStatus(HttpStatus.CREATED);
		assertThat(api.delete(admin, "/api/v1/sign-in-lockouts/" + lockout.get("id").asString())).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(api.body(api.get(admin, "/api/v1/security-log?kind=LOCKOUT_LIFTED"), HttpStatus.OK).toString())
			.contains(viewer.username()).contains(admin.username());
	}

	private MvcTestResult token(String username, String password, RequestPostProcessor client) {
		return mvc.post().uri("/api/v1/auth/token").with(client).contentType(MediaType.APPLICATION_JSON)
			.content(api.write(Map.of("username", username, "password", password))).exchange();
	}

	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}
}
