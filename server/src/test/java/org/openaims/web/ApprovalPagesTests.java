package org.openaims.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openaims.AimsTest;
import org.openaims.Api;
import org.openaims.TestUsers;
import org.openaims.TestUsers.TestUser;
import org.openaims.identity.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The approver sees what they approve: the approval page shows the item's summary and, for a new
 * version of a document, the lines changed since the last approved version; deciding shows the outcome.
 */
@AimsTest
class ApprovalPagesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Test
	void theApprovalPageShowsTheSummaryAndTheChangesSinceTheLastApprovedVersion() {
		TestUser manager = users.create(Role.AIMS_MANAGER);
		TestUser approver = users.create(Role.APPROVER);
		String title = "Data retention " + UUID.randomUUID().toString().substring(0, 8);
		String policy = api.body(api.post(manager, "/api/v1/policies", Map.of("title", title, "owner", manager.username(),
				"reviewIntervalMonths", 12, "approvalsRequired", 1, "body", "# Retention\nKeep logs 30 days.\nDelete on request.")),
				HttpStatus.CREATED).get("id").asString();
		String first = api.body(api.post(manager, "/api/v1/policies/" + policy + "/versions/1/submit", Map.of()), HttpStatus.OK)
			.get("approval").get("id").asString();
		api.body(api.post(approver, "/api/v1/approvals/" + first + "/decisions", Map.of("decision", "APPROVE")), HttpStatus.OK);
		api.body(api.post(manager, "/api/v1/policies/" + policy + "/versions/1/publish", Map.of()), HttpStatus.OK);
		api.body(api.post(manager, "/api/v1/policies/" + policy + "/versions", Map.of()), HttpStatus.CREATED);
		api.body(api.put(manager, "/api/v1/policies/" + policy + "/versions/2", Map.of("body",
				"# Retention\nKeep logs 90 days.\nDelete on request.", "changeSummary", "longer log retention")), HttpStatus.OK);
		String second = api.body(api.post(manager, "/api/v1/policies/" + policy + "/versions/2/submit", Map.of()), HttpStatus.OK)
			.get("approval").get("id").asString();

		var asApprover = user(approver.username()).roles("APPROVER");
		assertThat(mvc.get().uri("/approvals/" + second).with(asApprover).exchange()).hasStatusOk().bodyText()
			.contains("review-summary").contains(title + ", version 2").contains("longer log retention")
			.contains("review-changes").contains("Changes since version 1")
			.containsPattern("diff-removed\"[^>]*><span class=\"diff-mark\">- </span><span>Keep logs 30 days.</span>")
			.containsPattern("diff-added\"[^>]*><span class=\"diff-mark\">\\+ </span><span>Keep logs 90 days.</span>")
			.contains("id=\"decide\"");
		// The author sees the same page without the decision form.
		assertThat(mvc.get().uri("/approvals/" + second).with(user(manager.username()).roles("AIMS_MANAGER")).exchange()).bodyText()
			.contains("review-changes").doesNotContain("id=\"decide\"");

		assertThat(mvc.post().uri("/approvals/" + second + "/decide").with(asApprover).with(csrf()).param("decision", "APPROVE")
			.exchange()).hasStatus3xxRedirection().flash().containsEntry("flash", "Approved. The request is now approved.");
	}
}
