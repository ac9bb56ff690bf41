package org.openaims.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openaims.AimsTest;
import org.openaims.Api;
import org.openaims.TestUsers;
import org.openaims.TestUsers.TestUser;
import org.openaims.common.Markdown;
import org.openaims.identity.Role;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The probe's smaller findings (item 8), each with the attack that found it. */
@AimsTest
class SmallHolesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void markdownDataLinksAreDroppedLikeJavascriptLinks() {
		String html = Markdown.toHtml("[open](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) "
				+ "[img](DATA:image/svg+xml,<svg onload=alert(1)>) ![x](data:image/png;base64,AAAA) [ok](https://example.org)");
		assertThat(html.toLowerCase()).doesNotContainPattern("(href|src)=\"\\s*data:").doesNotContain("javascript:");
		assertThat(html).contains("href=\"https://example.org\"");
	}

	@Test
	void commonAndBreachedPasswordsAndPasswordsHoldingTheUsernameAreRefused() {
		TestUser admin = users.create(Role.ADMIN);
		String name = "pw-" + System.nanoTime() % 100000;
		for (String weak : new String[] { "password1234", "Password1234", "qwertyuiopasdfgh", "111111111111", name + "-secret-x",
				new StringBuilder(name).reverse() + "-secret-x", "abcdefghijkl-9" }) {
			api.problem(api.post(admin, "/api/v1/users", Map.of("username", name, "password", weak, "roles", List.of("VIEWER"))),
					HttpStatus.BAD_REQUEST, "password", null);
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE username = :u").param("u", name).query(Long.class).single()).isZero();
		JsonNode problem = api.problem(api.post(admin, "/api/v1/users", Map.of("username", name, "password", "password1234",
				"roles", List.of("VIEWER"))), HttpStatus.BAD_REQUEST, "password", "common passwords");
		assertThat(problem.toString()).doesNotContain("password1234");
		api.body(api.post(admin, "/api/v1/users", Map.of("username", name, "password", "violet-harbour-lantern",
				"roles", List.of("VIEWER"))), HttpStatus.CREATED);
		String id = api.body(api.get(admin, "/api/v1/users?q=" + name), HttpStatus.OK).get("items").get(0).get("id").asString();
		api.problem(api.post(admin, "/api/v1/users/" + id + "/password", Map.of("password", "qwerty123456")), HttpStatus.BAD_REQUEST,
				"password", "common passwords");
	}

	@Test
	void everyAnswerCarriesReferrerAndPermissionsPoliciesAndHstsWhenSecure() {
		TestUser viewer = users.create(Role.VIEWER);
		for (MvcTestResult answer : new MvcTestResult[] { mvc.get().uri("/login").exchange(), api.get(viewer, "/api/v1/ai-systems"),
				api.get(viewer, "/v3/api-docs") }) {
			assertThat(answer.getResponse().getHeader("Referrer-Policy")).isEqualTo("same-origin");
			assertThat(answer.getResponse().getHeader("Permissions-Policy")).contains("camera=()").contains("geolocation=()");
			assertThat(answer.getResponse().getHeader("Strict-Transport-Security")).isNull();
		}
		MvcTestResult secure = mvc.get().uri("https://aims.example.org/login").secure(true).exchange();
		assertThat(secure.getResponse().getHeader("Strict-Transport-Security")).contains("max-age=31536000").contains("includeSubDomains");
	}

	@Test
	void aTokenIsListedByAFingerprintOfItsHashNeverByCharactersOfItsSecret() {
		TestUser owner = users.create(Role.SYSTEM_OWNER);
		JsonNode issued = api.body(api.post(owner, "/api/v1/tokens", Map.of("name", "ci")), HttpStatus.CREATED);
		String secret = issued.get("secret").asString();
		for (JsonNode token : api.body(api.get(owner, "/api/v1/tokens"), HttpStatus.OK)) {
			String fingerprint = token.get("fingerprint").asString();
			assertThat(fingerprint).hasSize(8);
			for (int i = 0; i + 4 <= secret.length(); i++) {
				assertThat(fingerprint).doesNotContain(secret.substring(i, i + 4));
			}
			assertThat(token.has("prefix")).isFalse();
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM api_tokens WHERE fingerprint = :f").param("f", secret.substring(0, 8))
			.query(Long.class).single()).isZero();
	}

	@Test
	void aTokensLastUseIsKeptToTheDayOnly() {
		TestUser owner = users.create(Role.SYSTEM_OWNER);
		assertThat(api.get(owner, "/api/v1/ai-systems")).hasStatusOk();
		JsonNode token = api.body(api.get(owner, "/api/v1/tokens"), HttpStatus.OK).get(0);
		assertThat(token.get("lastUsedOn").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
		assertThat(token.has("lastUsedAt")).isFalse();
	}

	@Test
	void csvImportKeepsAnApostropheTypedBeforeAPlainValueAndRemovesOnlyTheFormulaGuard() {
		TestUser manager = users.create(Role.AIMS_MANAGER);
		String tag = String.valueOf(System.nanoTime() % 100000);
		String csv = "name,services,due_diligence_status\n'Quoted " + tag + ",'=SUM(A1),IN_PROGRESS\n";
		assertThat(api.postCsv(manager, "/api/v1/vendors/import", csv)).hasStatusOk();
		JsonNode vendor = api.body(api.get(manager, "/api/v1/vendors?q=" + tag), HttpStatus.OK).get("items").get(0);
		assertThat(vendor.get("name").asString()).isEqualTo("'Quoted " + tag);
		assertThat(vendor.get("services").asString()).isEqualTo("=SUM(A1)");
		String exported = api.csv(api.get(manager, "/api/v1/vendors/export?q=" + tag));
		assertThat(exported).contains("'Quoted " + tag).contains("'=SUM(A1)");
	}
}
