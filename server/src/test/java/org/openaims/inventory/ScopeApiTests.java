package org.openaims.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openaims.Api;
import org.openaims.TestUsers;
import org.openaims.TestUsers.TestUser;
import org.openaims.identity.Role;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;

/**
 * The versioned scope statement through its REST API. The statement is a singleton, so this class
 * has an application context (and database) of its own.
 */
@SpringBootTest(properties = "aims.test.context=scope")
@AutoConfigureMockMvc
class ScopeApiTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Test
	void everySaveIsANewVersionAndAllVersionsAreKept() {
		TestUser manager = users.create(Role.AIMS_MANAGER);
		api.problem(api.get(manager, "/api/v1/scope"), HttpStatus.NOT_FOUND, null, "scope statement");

		// A saved version is a draft: not in force until someone else approves it.
		JsonNode first = api.body(api.put(manager, "/api/v1/scope", scope("Retail banking", 0)), HttpStatus.OK);
		assertThat(first.get("versionNo").asInt()).isEqualTo(1);
		assertThat(first.get("current").asBoolean()).isFalse();
		assertThat(first.get("status").asString()).isEqualTo("DRAFT");

		Map<String, Object> second = scope("Retail and business banking", 1);
		second.put("exclusions", List.of(Map.of("subject", "Insurance arm", "justification", "own AIMS")));
		second.put("changeNote", "Business banking joins");
		JsonNode saved = api.body(api.put(manager, "/api/v1/scope", second), HttpStatus.OK);
		assertThat(saved.get("versionNo").asInt()).isEqualTo(2);
		assertThat(saved.get("exclusions").get(0).get("subject").asString()).isEqualTo("Insurance arm");

		// The same content again adds no version.
		second.remove("basedOnVersion");
		assertThat(api.body(api.put(manager, "/api/v1/scope", second), HttpStatus.OK).get("versionNo").asInt()).isEqualTo(2);

		JsonNode versions = api.body(api.get(manager, "/api/v1/scope/versions"), HttpStatus.OK);
		assertThat(versions).hasSize(2);
		assertThat(versions.get(0).get("versionNo").asInt()).isEqualTo(2);
		JsonNode v1 = api.body(api.get(manager, "/api/v1/scope/versions/1"), HttpStatus.OK);
		assertThat(v1.get("boundaries").asString()).isEqualTo("Retail banking");
		assertThat(v1.get("current").asBoolean()).isFalse();
		api.problem(api.get(manager, "/api/v1/scope/versions/9"), HttpStatus.NOT_FOUND, null, null);

		// Someone who edited version 1 cannot overwrite version 2.
		api.problem(api.put(manager, "/api/v1/scope", scope("Stale edit", 1)), HttpStatus.CONFLICT, null, "version 2");

		// Exclusions need a justification; only managers write.
		Map<String, Object> unjustified = scope("Retail", null);
		unjustified.put("exclusions", List.of(Map.of("subject", "Treasury")));
		api.problem(api.put(manager, "/api/v1/scope", unjustified), HttpStatus.BAD_REQUEST, "exclusions[0].justification", null);
		api.problem(api.put(users.create(Role.SYSTEM_OWNER), "/api/v1/scope", scope("Owner edit", null)),
				HttpStatus.FORBIDDEN, null, null);
		api.problem(api.put(manager, "/api/v1/scope", Map.of("boundaries", "x")), HttpStatus.BAD_REQUEST,
				"inclusionCriteria", null);
		assertThat(api.body(api.get(manager, "/api/v1/scope/versions"), HttpStatus.OK)).hasSize(2);

		// The version in force lists the systems in and out of scope as they were when it was saved.
		Map<String, Object> out = new HashMap<>(Map.of("name", "Pilot bot", "intendedPurpose", "x", "organizationRoles",
				List.of("USER"), "lifecycleStage", "IDEA", "riskTier", "LOW", "owner", manager.username(), "inScope",
				false, "scopeJustification", "pilot without production data"));
		api.post(manager, "/api/v1/ai-systems", out);
		JsonNode third = api.body(api.put(manager, "/api/v1/scope", second), HttpStatus.OK);
		assertThat(third.get("versionNo").asInt()).isEqualTo(3);
		String approval = api.body(api.post(manager, "/api/v1/scope/versions/3/submit", Map.of()), HttpStatus.OK)
			.get("approval").get("id").asString();
		api.body(api.post(users.create(Role.APPROVER), "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "APPROVE")),
				HttpStatus.OK);
		JsonNode current = api.body(api.get(manager, "/api/v1/scope"), HttpStatus.OK);
		assertThat(current.get("aiSystemsOutOfScope").get(0).get("scopeJustification").asString())
			.isEqualTo("pilot without production data");
	}

	static Map<String, Object> scope(String boundaries, Integer basedOn) {
		Map<String, Object> scope = new HashMap<>();
		scope.put("boundaries", boundaries);
		scope.put("inclusionCriteria", "Every AI system used in production");
		if (basedOn != null) {
			scope.put("basedOnVersion", basedOn);
		}
		return scope;
	}
}
