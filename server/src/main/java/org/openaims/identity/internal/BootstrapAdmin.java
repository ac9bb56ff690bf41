package org.openaims.identity.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.openaims.identity.ApiTokenService;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.NewUser;
import org.openaims.identity.Role;
import org.openaims.identity.UserAdministration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * On first start (no user at all) creates the {@code admin} account, with the configured password
 * or a random one written to the log once, and the configured bootstrap API token if any.
 */
@Component
@Order(0)
class BootstrapAdmin implements ApplicationRunner {

	static final String ADMIN = "admin";

	private static final int MIN_TOKEN_LENGTH = 20;

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

	private final UserAdministration administration;

	private final ApiTokenService tokens;

	private final IdentityProperties properties;

	BootstrapAdmin(UserAdministration administration, ApiTokenService tokens, IdentityProperties properties) {
		this.administration = administration;
		this.tokens = tokens;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (administration.anyUser()) {
			return;
		}
		String configured = properties.bootstrapAdminPassword();
		boolean generated = configured == null || configured.isBlank();
		String password = generated ? randomPassword() : configured;
		if (!generated) {
			try {
				PasswordPolicy.check("AIMS_BOOTSTRAP_ADMIN_PASSWORD", ADMIN, configured);
			}
			catch (org.openaims.common.InvalidInputException e) {
				throw new IllegalStateException(e.getMessage());
			}
		}
		String token = properties.bootstrapAdminToken();
		if (token != null && !token.isBlank() && token.strip().length() < MIN_TOKEN_LENGTH) {
			throw new IllegalStateException(
					"AIMS_BOOTSTRAP_ADMIN_TOKEN must have at least " + MIN_TOKEN_LENGTH + " characters");
		}
		try {
			CurrentUser.runAsSystem(() -> {
				administration.create(new NewUser(ADMIN, "Administrator", null, password, Set.of(Role.ADMIN)));
				if (token != null && !token.isBlank()) {
					tokens.issueBootstrapToken(ADMIN, token.strip(), 365);
				}
			});
		}
		catch (DuplicateKeyException e) {
			log.info("Another node created the admin account first");
			return;
		}
		if (generated) {
			log.warn("""

					==================================================================
					  Created user 'admin' with the generated password:  {}
					  It is shown only this once. Sign in and change it (Account).
					==================================================================""", password);
		}
		else {
			log.info("Created user 'admin' with the password from AIMS_BOOTSTRAP_ADMIN_PASSWORD");
		}
	}

	private static String randomPassword() {
		SecureRandom random = new SecureRandom();
		while (true) {
			byte[] bytes = new byte[15];
			random.nextBytes(bytes);
			String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			try {
				PasswordPolicy.check("password", ADMIN, password);
				return password;
			}
			catch (org.openaims.common.InvalidInputException unlucky) {
				// a random run such as "abcde" or "admin"; draw again
			}
		}
	}
}
