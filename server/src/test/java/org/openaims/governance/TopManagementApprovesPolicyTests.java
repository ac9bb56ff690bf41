package org.openaims.governance;

import static org.assertj.core.api.Assertions.assertThat;

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
 * An organization whose top management must approve the AI policy (5.2) names the role that approves
 * policies: then an approver may not, and top management may.
 */
@SpringBootTest(properties = { "aims.test.context=top-management-policy", "aims.governance.policy-approvers=TOP_MANAGEMENT" })
@AutoConfigureMockMvc
class TopManagementApprovesPolicyTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Test
	void onlyTopManagementApprovesThePolicyWhenTheOrganizationSaysSo() {
		TestUser manager = users.create(Role.AIMS_MANAGER);
		TestUser approver = users.create(Role.APPROVER);
		TestUser top = users.create(Role.TOP_MANAGEMENT);
		String policy = api.body(api.post(manager, "/api/v1/policies", Map.of("title", "AI policy " + System.nanoTime(), "owner",
				manager.username(), "reviewIntervalMonths", 12, "approvalsRequired", 1, "body", "# AI policy\n\nWe govern AI.")), HttpStatus.CREATED)
			.get("id").asString();
		String approval = api.body(api.post(manager, "/api/v1/policies/" + policy + "/versions/1/submit", Map.of()), HttpStatus.OK)
			.get("approval").get("id").asString();
		api.problem(api.post(approver, "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "APPROVE")), HttpStatus.FORBIDDEN,
				null, null);
		api.body(api.post(top, "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "APPROVE")), HttpStatus.OK);
		JsonNode version = api.body(api.get(manager, "/api/v1/policies/" + policy + "/versions/1"), HttpStatus.OK);
		assertThat(version.toString()).contains("APPROVED");
	}
}
