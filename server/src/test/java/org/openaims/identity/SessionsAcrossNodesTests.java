package org.openaims.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openaims.TestNodes;
import org.openaims.TestUsers;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application instances on one database share browser sessions (Spring Session JDBC): a session
 * opened on one node works on the other, and once the user is disabled on one node the other node
 * refuses that session at its next request.
 */
class SessionsAcrossNodesTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void aSessionOpenedOnOneNodeIsRefusedOnTheOtherOnceTheUserIsDisabled() throws Exception {
		try (TestNodes nodes = new TestNodes();
				ConfigurableApplicationContext first = nodes.start(true);
				ConfigurableApplicationContext second = nodes.start(false)) {
			String username = "roaming-" + System.nanoTime() % 100000;
			UserAdministration administration = first.getBean(UserAdministration.class);
			UserView user = CurrentUser.runAsSystem(() -> administration.create(
					new NewUser(username, "Roaming user", null, TestUsers.PASSWORD, Set.of(Role.AIMS_MANAGER))));

			String session = signIn(TestNodes.port(first), username);
			assertThat(get(TestNodes.port(second), "/ai-systems", session).statusCode()).isEqualTo(200);
			assertThat(get(TestNodes.port(first), "/ai-systems", session).statusCode()).isEqualTo(200);

			UserAdministration onFirst = first.getBean(UserAdministration.class);
			CurrentUser.runAsSystem(() -> onFirst.change(user.id(), new UserChanges(null, null, Set.of(Role.AIMS_MANAGER), false, null)));

			HttpResponse<String> refused = get(TestNodes.port(second), "/ai-systems", session);
			assertThat(refused.statusCode()).isEqualTo(302);
			assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		}
	}

	private String signIn(int port, String username) throws Exception {
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher token = CSRF.matcher(page.body());
		assertThat(token.find()).as("the sign-in form carries a CSRF token").isTrue();
		String anonymous = cookie(page);
		String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(TestUsers.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", "SESSION=" + anonymous)
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).hasValue("/");
		return cookie(signedIn);
	}

	private HttpResponse<String> get(int port, String path, String session) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Cookie", "SESSION=" + session).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String cookie(HttpResponse<?> response) {
		return response.headers().allValues("Set-Cookie").stream()
			.filter(c -> c.startsWith("SESSION="))
			.map(c -> c.substring("SESSION=".length(), c.indexOf(';')))
			.reduce((a, b) -> b)
			.orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
	}
}
