package org.openaims.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openaims.AimsTest;
import org.openaims.Api;
import org.openaims.TestUsers;
import org.openaims.identity.Role;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The probe's ninth finding: {@code /v3/api-docs} redirected a client with a bearer token to
 * {@code /login}, so a pipeline could not generate a client, and it was titled "OpenAPI definition"
 * v0. Every role's token now reads it, with the product's name and version.
 */
@AimsTest
class ApiDocsTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	BuildProperties build;

	@Test
	void aBearerTokenOfAnyRoleReadsTheApiDescriptionWithTheProductsNameAndVersion() {
		for (Role role : Role.values()) {
			JsonNode docs = api.body(api.get(users.create(role), "/v3/api-docs"), HttpStatus.OK);
			assertThat(docs.get("info").get("title").asString()).isEqualTo("OpenAIMS API");
			assertThat(docs.get("info").get("version").asString()).isEqualTo(build.getVersion()).isNotEqualTo("v0");
			assertThat(docs.get("paths").has("/api/v1/ai-systems")).isTrue();
			assertThat(docs.get("components").get("securitySchemes").get("bearer").get("scheme").asString()).isEqualTo("bearer");
		}
		assertThat(mvc.get().uri("/v3/api-docs").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/v3/api-docs").header("Authorization", "Bearer aims_forged").exchange())
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}
}
