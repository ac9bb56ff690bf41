package org.openaims;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.openaims.identity.ApiTokenService;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.NewApiToken;
import org.openaims.identity.NewUser;
import org.openaims.identity.Role;
import org.openaims.identity.UserAdministration;

import org.springframework.stereotype.Component;

/** Creates users with roles and API tokens for tests, through the same services the API uses. */
@Component
public class TestUsers {

	public static final String PASSWORD = "correct-horse-battery";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final UserAdministration users;

	private final ApiTokenService tokens;

	TestUsers(UserAdministration users, ApiTokenService tokens) {
		this.users = users;
		this.tokens = tokens;
	}

	/** A signed-up user and the {@code Authorization} header value of a fresh token of theirs. */
	public record TestUser(String username, String bearer) {
	}

	public TestUser create(Role... roles) {
		String username = "user" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000;
		CurrentUser.runAsSystem(() -> users.create(new NewUser(username, "Test " + username, null, PASSWORD, Set.of(roles))));
		return new TestUser(username, "Bearer " + tokens.issueAfterPasswordLogin(username, new NewApiToken("test", 1)).secret());
	}
}
