package org.openaims.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.junit.jupiter.api.Test;
import org.openaims.AimsTest;
import org.openaims.TestUsers;
import org.openaims.identity.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** What is open, what needs a session, and that sessions need CSRF tokens. */
@AimsTest
class SecurityTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestUsers users;

	@Test
	void onlyLoginHealthAndStaticAssetsAreOpen() {
		assertThat(mvc.get().uri("/login").exchange()).hasStatusOk();
		MvcTestResult health = mvc.get().uri("/actuator/health").exchange();
		assertThat(health).hasStatusOk();
		assertThat(health).bodyText().contains("\"status\":\"UP\"").doesNotContain("components").doesNotContain("details");
		assertThat(mvc.get().uri("/webjars/bootstrap/dist/css/bootstrap.min.css").exchange()).hasStatusOk();
		assertThat(mvc.get().uri("/webjars/htmx.org/dist/htmx.min.js").exchange()).hasStatusOk();
		assertThat(mvc.get().uri("/js/aims.js").exchange()).hasStatusOk();

		for (String page : new String[] { "/", "/ai-systems", "/vendors", "/scope", "/admin/users", "/tokens",
				"/swagger-ui/index.html", "/actuator/env", "/actuator/beans" }) {
			assertThat(mvc.get().uri(page).exchange()).as(page).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login");
		}
		// The API description answers like the API: 401 with a problem, for bearer tokens and sessions.
		assertThat(mvc.get().uri("/v3/api-docs").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void actuatorExposesNothingButHealth() {
		TestUsers.TestUser admin = users.create(Role.ADMIN);
		for (String endpoint : new String[] { "/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump",
				"/actuator/loggers", "/actuator/metrics" }) {
			assertThat(mvc.get().uri(endpoint).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user(admin.username()).roles("ADMIN")).exchange()).as(endpoint).hasStatus(HttpStatus.NOT_FOUND);
		}
	}

	@Test
	void signsInWithAPasswordAndNeedsTheCsrfToken() {
		TestUsers.TestUser user = users.create(Role.VIEWER);
		assertThat(mvc.post().uri("/login").param("username", user.username()).param("password", TestUsers.PASSWORD).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/login").param("username", user.username()).param("password", "wrong").with(csrf()).exchange())
			.hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login?error");
		MvcTestResult signedIn = mvc.post().uri("/login").param("username", user.username())
			.param("password", TestUsers.PASSWORD).with(csrf()).exchange();
		assertThat(signedIn).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/");
		// The session lives in the database (Spring Session JDBC) and is found by its cookie.
		jakarta.servlet.http.Cookie session = signedIn.getResponse().getCookie("SESSION");
		assertThat(session).isNotNull();
		assertThat(session.isHttpOnly()).isTrue();
		assertThat(mvc.get().uri("/ai-systems").cookie(session).exchange()).hasStatusOk();
	}

	@Test
	void sendsSecurityHeaders() {
		MvcTestResult login = mvc.get().uri("/login").exchange();
		assertThat(login.getResponse().getHeader("Content-Security-Policy")).contains("default-src 'self'").contains("frame-ancestors 'none'");
		assertThat(login.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
		assertThat(login.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
	}
}
