package org.openaims.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openaims.AimsTest;
import org.openaims.Api;
import org.openaims.TestUsers;
import org.openaims.TestUsers.TestUser;
import org.openaims.identity.Role;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * The probe's finding on policies in force: a published policy could be renamed or retired by its
 * writer alone. Now a rename or retirement of a published policy waits for someone else's approval;
 * a policy never published is still renamed or retired at once.
 */
@AimsTest
class PolicyRenameApprovalTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Test
	void aPublishedPolicyIsRenamedOnlyThroughAnApprovalBySomeoneElse() {
		TestUser manager = users.create(Role.AIMS_MANAGER);
		TestUser approver = users.create(Role.APPROVER);
		String title = "Renamed policy " + UUID.randomUUID().toString().substring(0, 8);
		String id = published(manager, approver, title);

		// The direct way is closed…
		JsonNode current = api.body(api.get(manager, "/api/v1/policies/" + id), HttpStatus.OK);
		api.problem(api.put(manager, "/api/v1/policies/" + id, Map.of("title", title + " (new)", "owner", manager.username(),
				"reviewIntervalMonths", 12, "approvalsRequired", 1, "version", current.get("version").asLong())),
				HttpStatus.CONFLICT, null, "renamed only through an approval");
		// …the proposal keeps the title until approved.
		JsonNode proposed = api.body(api.post(manager, "/api/v1/policies/" + id + "/rename",
				Map.of("title", title + " (new)", "reason", "clearer name")), HttpStatus.OK);
		assertThat(proposed.get("title").asString()).isEqualTo(title);
		assertThat(proposed.get("pendingChange").get("kind").asString()).isEqualTo("RENAME");
		String approval = proposed.get("pendingChange").get("approvalId").asString();
		api.problem(api.post(manager, "/api/v1/policies/" + id + "/retire", Map.of()), HttpStatus.CONFLICT, null, "awaits approval");
		api.problem(api.post(manager, "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "APPROVE")),
				HttpStatus.FORBIDDEN, null, "segregation of duties");
		assertThat(api.body(api.get(manager, "/api/v1/policies/" + id), HttpStatus.OK).get("title").asString()).isEqualTo(title);

		api.body(api.post(approver, "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "APPROVE")), HttpStatus.OK);
		JsonNode renamed = api.body(api.get(manager, "/api/v1/policies/" + id), HttpStatus.OK);
		assertThat(renamed.get("title").asString()).isEqualTo(title + " (new)");
		assertThat(renamed.has("pendingChange")).isFalse();
	}

	@Test
	void aPublishedPolicyIsRetiredOnlyThroughAnApprovalAndARejectionKeepsItInForce() {
		TestUser manager = users.create(Role.AIMS_MANAGER);
		TestUser approver = users.create(Role.APPROVER);
		String id = published(manager, approver, "Retired policy " + UUID.randomUUID().toString().substring(0, 8));

		JsonNode proposed = api.body(api.post(manager, "/api/v1/policies/" + id + "/retire", Map.of("reason", "superseded")),
				HttpStatus.OK);
		assertThat(proposed.has("retiredAt")).isFalse();
		String approval = proposed.get("pendingChange").get("approvalId").asString();
		api.body(api.post(approver, "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "REJECT", "comment",
				"still needed")), HttpStatus.OK);
		JsonNode kept = api.body(api.get(manager, "/api/v1/policies/" + id), HttpStatus.OK);
		assertThat(kept.has("retiredAt")).isFalse();
		assertThat(kept.has("pendingChange")).isFalse();
		assertThat(kept.get("publishedVersion").asInt()).isEqualTo(1);

		String second = api.body(api.post(manager, "/api/v1/policies/" + id + "/retire", Map.of("reason", "superseded")),
				HttpStatus.OK).get("pendingChange").get("approvalId").asString();
		api.body(api.post(approver, "/api/v1/approvals/" + second + "/decisions", Map.of("decision", "APPROVE")), HttpStatus.OK);
		JsonNode retired = api.body(api.get(manager, "/api/v1/policies/" + id), HttpStatus.OK);
		assertThat(retired.has("retiredAt")).isTrue();
		assertThat(retired.has("publishedVersion")).isFalse();
	}

	@Test
	void aPolicyNeverPublishedIsRenamedAndRetiredAtOnce() {
		TestUser manager = users.create(Role.AIMS_MANAGER);
		String title = "Draft policy " + UUID.randomUUID().toString().substring(0, 8);
		String id = create(manager, title);
		assertThat(api.body(api.post(manager, "/api/v1/policies/" + id + "/rename", Map.of("title", title + " v2")), HttpStatus.OK)
			.get("title").asString()).isEqualTo(title + " v2");
		api.problem(api.post(manager, "/api/v1/policies/" + id + "/rename", Map.of("title", " ")), HttpStatus.BAD_REQUEST, "title", null);
		assertThat(api.body(api.post(manager, "/api/v1/policies/" + id + "/retire", Map.of()), HttpStatus.OK).has("retiredAt")).isTrue();
	}

	private String create(TestUser manager, String title) {
		return api.body(api.post(manager, "/api/v1/policies", Map.of("title", title, "owner", manager.username(),
				"reviewIntervalMonths", 12, "approvalsRequired", 1, "body", "# Policy")), HttpStatus.CREATED).get("id").asString();
	}

	private String published(TestUser manager, TestUser approver, String title) {
		String id = create(manager, title);
		String v1 = "/api/v1/policies/" + id + "/versions/1";
		String approval = api.body(api.post(manager, v1 + "/submit", Map.of()), HttpStatus.OK).get("approval").get("id").asString();
		api.body(api.post(approver, "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "APPROVE")), HttpStatus.OK);
		api.body(api.post(manager, v1 + "/publish", Map.of()), HttpStatus.OK);
		return id;
	}
}
