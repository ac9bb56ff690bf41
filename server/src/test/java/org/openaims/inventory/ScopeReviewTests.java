package org.openaims.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openaims.AimsTest;
import org.openaims.Api;
import org.openaims.TestUsers;
import org.openaims.TestUsers.TestUser;
import org.openaims.identity.Role;
import org.openaims.ledger.LedgerTestSupport;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The scope statement's review (4.3): a save is a draft until someone other than its authors
 * approves it; each version records the AI systems in and out of scope then (an auditor sees what was
 * in scope at version n); a change of the register's scope shows the version in force out of date
 * until a new version is approved.
 */
@AimsTest
// The one scope statement of the organization: a database of its own.
@TestPropertySource(properties = "aims.test.context=scope-review")
class ScopeReviewTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@Test
	void aSavedScopeIsADraftUntilSomeoneElseApprovesItAndTheApprovedVersionIsInForce() {
		TestUser manager = users.create(Role.AIMS_MANAGER);
		TestUser approver = users.create(Role.APPROVER);
		String inScope = system(manager, "Chat assistant " + UUID.randomUUID(), true, null);
		String outOfScope = system(manager, "Sandbox " + UUID.randomUUID(), false, "research only, no production data");

		JsonNode draft = api.body(api.put(manager, "/api/v1/scope", scope("Retail banking")), HttpStatus.OK);
		int v1 = draft.get("versionNo").asInt();
		assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
		assertThat(draft.get("current").asBoolean()).isFalse();
		var inForceNow = api.get(manager, "/api/v1/scope");
		if (inForceNow.getResponse().getStatus() == 404) {
			api.problem(inForceNow, HttpStatus.NOT_FOUND, null, "is a draft");
		}
		else {
			assertThat(api.body(inForceNow, HttpStatus.OK).get("versionNo").asInt()).isNotEqualTo(v1);
		}

		String approval = api.body(api.post(manager, "/api/v1/scope/versions/" + v1 + "/submit", Map.of()), HttpStatus.OK).get("approval")
			.get("id").asString();
		api.problem(api.post(manager, "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "APPROVE")),
				HttpStatus.FORBIDDEN, null, "segregation of duties");
		// The approver sees the text and the systems in and out of scope.
		JsonNode request = api.body(api.get(approver, "/api/v1/approvals/" + approval), HttpStatus.OK);
		assertThat(request.get("review").get("changes").toString()).contains("Boundaries: Retail banking").contains("In scope: Chat assistant")
			.contains("Out of scope: Sandbox").contains("research only");
		api.body(api.post(approver, "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "APPROVE")), HttpStatus.OK);

		JsonNode inForce = api.body(api.get(manager, "/api/v1/scope"), HttpStatus.OK);
		assertThat(inForce.get("versionNo").asInt()).isEqualTo(v1);
		assertThat(inForce.get("current").asBoolean()).isTrue();
		assertThat(inForce.get("status").asString()).isEqualTo("APPROVED");
		assertThat(inForce.get("outOfDate").asBoolean()).isFalse();
		assertThat(ids(inForce.get("aiSystemsInScope"))).contains(inScope).doesNotContain(outOfScope);
		assertThat(ids(inForce.get("aiSystemsOutOfScope"))).contains(outOfScope);

		// A new draft does not replace the version in force until it is approved.
		int v2 = api.body(api.put(manager, "/api/v1/scope", scope("Retail and business banking")), HttpStatus.OK).get("versionNo").asInt();
		assertThat(v2).isEqualTo(v1 + 1);
		assertThat(api.body(api.get(manager, "/api/v1/scope"), HttpStatus.OK).get("versionNo").asInt()).isEqualTo(v1);
		String second = api.body(api.post(manager, "/api/v1/scope/versions/" + v2 + "/submit", Map.of()), HttpStatus.OK).get("approval")
			.get("id").asString();
		// Only the newest version is submitted; a newer save voids the pending review of the one before.
		api.problem(api.post(manager, "/api/v1/scope/versions/" + v1 + "/submit", Map.of()), HttpStatus.CONFLICT, null, null);
		int v3 = api.body(api.put(manager, "/api/v1/scope", scope("Retail and business banking, Ireland too")), HttpStatus.OK)
			.get("versionNo").asInt();
		assertThat(api.body(api.get(manager, "/api/v1/approvals/" + second), HttpStatus.OK).get("status").asString())
			.isEqualTo("INVALIDATED");
		String third = api.body(api.post(manager, "/api/v1/scope/versions/" + v3 + "/submit", Map.of()), HttpStatus.OK).get("approval")
			.get("id").asString();
		// The approver sees what changed against the version in force.
		JsonNode changes = api.body(api.get(approver, "/api/v1/approvals/" + third), HttpStatus.OK).get("review");
		assertThat(changes.get("comparedWith").asString()).contains("version " + v1);
		assertThat(changes.get("changes").toString()).contains("{\"kind\":\"REMOVED\",\"text\":\"Boundaries: Retail banking\"}")
			.contains("{\"kind\":\"ADDED\",\"text\":\"Boundaries: Retail and business banking, Ireland too\"}");
		api.body(api.post(approver, "/api/v1/approvals/" + third + "/decisions", Map.of("decision", "APPROVE")), HttpStatus.OK);
		assertThat(api.body(api.get(manager, "/api/v1/scope"), HttpStatus.OK).get("versionNo").asInt()).isEqualTo(v3);

		// Every save and every review step is in the scope's history.
		LedgerTestSupport.awaitRecorded(jdbc);
		List<String> events = new ArrayList<>();
		api.body(api.get(manager, "/api/v1/scope/history"), HttpStatus.OK).forEach(e -> events.add(e.get("event").asString()));
		assertThat(events).containsSubsequence("ScopeStatementRevised", "ScopeVersionSubmitted", "ApprovalRequested", "ApprovalDecided",
				"ApprovalCompleted", "ScopeVersionApproved", "ScopeStatementRevised", "ScopeVersionSubmitted", "ScopeStatementRevised",
				"ScopeVersionInvalidated", "ApprovalClosed");
	}

	@Test
	void eachVersionRecordsTheSystemsInScopeAndTheVersionInForceShowsWhenTheRegisterMovedOn() {
		TestUser manager = users.create(Role.AIMS_MANAGER);
		String assistant = system(manager, "Assistant " + UUID.randomUUID(), true, null);
		int v = approvedScope(manager, "Everything we run");

		// Version v keeps the list it recorded, whatever the register says later.
		String later = system(manager, "Later " + UUID.randomUUID(), true, null);
		api.body(api.put(manager, "/api/v1/ai-systems/" + assistant, systemBody(manager, "Assistant moved", false, "moved to the insurance arm")),
				HttpStatus.OK);
		JsonNode version = api.body(api.get(manager, "/api/v1/scope/versions/" + v), HttpStatus.OK);
		assertThat(ids(version.get("aiSystemsInScope"))).contains(assistant).doesNotContain(later);

		// Out of date, and shown: the assistant left the scope and a new system came in.
		JsonNode inForce = api.body(api.get(manager, "/api/v1/scope"), HttpStatus.OK);
		assertThat(inForce.get("outOfDate").asBoolean()).isTrue();
		Map<String, JsonNode> changes = new HashMap<>();
		inForce.get("registerChanges").forEach(c -> changes.put(c.get("id").asString(), c));
		assertThat(changes.get(assistant).get("inScopeThen").asBoolean()).isTrue();
		assertThat(changes.get(assistant).get("inScopeNow").asBoolean()).isFalse();
		assertThat(changes.get(later).get("inScopeThen").isNull() || changes.get(later).get("inScopeThen").isMissingNode()).isTrue();
		assertThat(changes.get(later).get("inScopeNow").asBoolean()).isTrue();
		var asManager = user(manager.username()).roles("AIMS_MANAGER");
		assertThat(mvc.get().uri("/").with(asManager).exchange()).bodyText().contains("scope-out-of-date");
		assertThat(mvc.get().uri("/scope").with(asManager).exchange()).bodyText().contains("scope-out-of-date").contains("Assistant moved");

		// A new approved version brings it up to date.
		int next = approvedScope(manager, "Everything we run, again");
		JsonNode current = api.body(api.get(manager, "/api/v1/scope"), HttpStatus.OK);
		assertThat(current.get("versionNo").asInt()).isEqualTo(next);
		assertThat(current.get("outOfDate").asBoolean()).isFalse();
		assertThat(ids(current.get("aiSystemsInScope"))).contains(later).doesNotContain(assistant);
		assertThat(mvc.get().uri("/").with(asManager).exchange()).bodyText().doesNotContain("scope-out-of-date");
	}

	private int approvedScope(TestUser manager, String boundaries) {
		int version = api.body(api.put(manager, "/api/v1/scope", scope(boundaries)), HttpStatus.OK).get("versionNo").asInt();
		String approval = api.body(api.post(manager, "/api/v1/scope/versions/" + version + "/submit", Map.of()), HttpStatus.OK)
			.get("approval").get("id").asString();
		api.body(api.post(users.create(Role.APPROVER), "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "APPROVE")),
				HttpStatus.OK);
		return version;
	}

	private String system(TestUser owner, String name, boolean inScope, String justification) {
		return api.body(api.post(owner, "/api/v1/ai-systems", systemBody(owner, name, inScope, justification)), HttpStatus.CREATED).get("id")
			.asString();
	}

	private static Map<String, Object> systemBody(TestUser owner, String name, boolean inScope, String justification) {
		Map<String, Object> body = new HashMap<>(Map.of("name", name, "intendedPurpose", "help customers", "organizationRoles",
				List.of("DEPLOYER"), "lifecycleStage", "OPERATING", "riskTier", "LOW", "owner", owner.username(), "inScope", inScope));
		if (justification != null) {
			body.put("scopeJustification", justification);
		}
		return body;
	}

	private static Map<String, Object> scope(String boundaries) {
		return Map.of("boundaries", boundaries, "inclusionCriteria", "Every AI system used in production");
	}

	private static List<String> ids(JsonNode systems) {
		List<String> ids = new ArrayList<>();
		systems.forEach(s -> ids.add(s.get("id").asString()));
		return ids;
	}
}
