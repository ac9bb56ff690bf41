package org.openaims.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Small fixes that came with the review redesign: a treatment action's owner marks their own action
 * done (one endpoint per action) and voids an acceptance of the treatment that changed; the residual
 * form has no default scores; an SoA owner must be a user on every line.
 */
@AimsTest
class TreatmentActionTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	TestUser manager;

	@BeforeEach
	void setUp() {
		RiskFixtures.inForce(api, users);
		manager = users.create(Role.AIMS_MANAGER);
	}

	@Test
	void anActionsOwnerMarksItDoneAndNobodyElseBelowTheRisksWritersMay() {
		TestUser doer = users.create(Role.CONTRIBUTOR);
		TestUser bystander = users.create(Role.CONTRIBUTOR);
		String risk = api.body(api.post(manager, "/api/v1/risks", RiskFixtures.risk("Drift " + UUID.randomUUID(), null, "robustness", 3, 3,
				manager.username())), HttpStatus.CREATED).get("id").asString();
		JsonNode planned = api.body(api.put(manager, "/api/v1/risks/" + risk + "/treatment", Map.of("option", "RETAIN", "actions",
				List.of(Map.of("title", "Monitor drift weekly", "owner", doer.username(), "dueDate", LocalDate.now().plusDays(10).toString(),
						"controls", List.of("A.6.2.6"))))), HttpStatus.OK);
		String action = planned.get("actions").get(0).get("id").asString();
		api.body(api.post(manager, "/api/v1/risks/" + risk + "/residual", Map.of("likelihood", 1, "impact", 2)), HttpStatus.OK);
		String approval = api.body(api.post(manager, "/api/v1/risks/" + risk + "/acceptance", Map.of("rationale", "retained, monitored")),
				HttpStatus.OK).get("approval").get("id").asString();

		api.problem(api.post(bystander, "/api/v1/risks/" + risk + "/actions/" + action + "/done", Map.of()), HttpStatus.FORBIDDEN, null,
				"action's owner");
		api.problem(api.post(doer, "/api/v1/risks/" + risk + "/actions/" + action + "/done", Map.of("doneOn",
				LocalDate.now().plusDays(1).toString())), HttpStatus.BAD_REQUEST, "doneOn", "today or earlier");
		api.problem(api.post(doer, "/api/v1/risks/" + risk + "/actions/" + UUID.randomUUID() + "/done", Map.of()), HttpStatus.NOT_FOUND,
				null, null);
		api.problem(api.post(doer, "/api/v1/risks/" + risk + "/actions/not-an-id/done", Map.of()), HttpStatus.BAD_REQUEST, null, null);
		api.problem(api.post(doer, "/api/v1/risks/not-a-risk/actions/" + action + "/done", Map.of()), HttpStatus.BAD_REQUEST, null, null);

		JsonNode done = api.body(api.post(doer, "/api/v1/risks/" + risk + "/actions/" + action + "/done", Map.of()), HttpStatus.OK);
		assertThat(done.get("actions").get(0).get("status").asString()).isEqualTo("DONE");
		assertThat(done.get("actions").get(0).get("doneOn").asString()).isEqualTo(LocalDate.now().toString());
		// The treatment under acceptance changed: the pending acceptance is void, and the doer is now an author of it.
		assertThat(done.get("status").asString()).isEqualTo("TREATMENT");
		assertThat(api.body(api.get(doer, "/api/v1/approvals/" + approval), HttpStatus.OK).get("status").asString()).isEqualTo("INVALIDATED");
		api.problem(api.post(doer, "/api/v1/risks/" + risk + "/actions/" + action + "/done", Map.of()), HttpStatus.CONFLICT, null,
				"done already");

		LedgerTestSupport.awaitRecorded(jdbc);
		List<String> events = new ArrayList<>();
		api.body(api.get(doer, "/api/v1/risks/" + risk + "/history"), HttpStatus.OK).forEach(e -> events.add(e.get("event").asString()));
		assertThat(events).containsSubsequence("RiskTreatmentPlanned", "RiskAcceptanceSubmitted", "RiskActionDone",
				"RiskAcceptanceInvalidated");

		// On the page, the owner has a button for their action.
		assertThat(mvc.get().uri("/risks/" + risk).with(user(doer.username()).roles("CONTRIBUTOR")).exchange()).hasStatusOk();
	}

	@Test
	void theActionOwnerMarksItDoneOnThePageAndTheResidualFormHasNoDefaultScores() throws Exception {
		TestUser doer = users.create(Role.VIEWER);
		String risk = api.body(api.post(manager, "/api/v1/risks", RiskFixtures.risk("Leak " + UUID.randomUUID(), null, "privacy-leakage", 2, 3,
				manager.username())), HttpStatus.CREATED).get("id").asString();
		String action = api.body(api.put(manager, "/api/v1/risks/" + risk + "/treatment", Map.of("option", "MODIFY", "actions",
				List.of(Map.of("title", "Mask personal data", "owner", doer.username(), "dueDate", LocalDate.now().plusDays(10).toString(),
						"controls", List.of("A.7.4"))))),
				HttpStatus.OK).get("actions").get(0).get("id").asString();
		var asDoer = user(doer.username()).roles("VIEWER");
		assertThat(mvc.get().uri("/risks/" + risk).with(asDoer).exchange()).bodyText()
			.contains("/risks/" + risk + "/actions/" + action + "/done");
		assertThat(mvc.post().uri("/risks/" + risk + "/actions/" + action + "/done").with(asDoer).with(csrf()).exchange())
			.hasStatus3xxRedirection().flash().containsEntry("flash", "Action marked done.");
		assertThat(api.body(api.get(manager, "/api/v1/risks/" + risk), HttpStatus.OK).get("actions").get(0).get("status").asString())
			.isEqualTo("DONE");

		// No residual yet: the form offers no scores until someone picks them, and a post without them stores nothing.
		var asManager = user(manager.username()).roles("AIMS_MANAGER");
		String page = mvc.get().uri("/risks/" + risk).with(asManager).exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String residualForm = page.substring(page.indexOf("/residual"), page.indexOf("</form>", page.indexOf("/residual")));
		assertThat(residualForm).contains("<option value=\"\" selected disabled>");
		assertThat(residualForm).doesNotContainPattern("<option value=\"1\" selected");
		assertThat(mvc.post().uri("/risks/" + risk + "/residual").with(asManager).with(csrf()).exchange()).hasStatus3xxRedirection()
			.flash().containsKey("flashError");
		assertThat(api.body(api.get(manager, "/api/v1/risks/" + risk), HttpStatus.OK).get("residual").isNull()
				|| api.body(api.get(manager, "/api/v1/risks/" + risk), HttpStatus.OK).get("residual").isMissingNode()).isTrue();
	}

	@Test
	void anSoaOwnerMustBeAUserOnEveryLineDecidedOrNot() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String library = "version: 1\nobjects:\n  framework:\n    urn: urn:test:framework:owners-" + tag + "\n    name: Owners " + tag
				+ "\n    requirement_nodes:\n    - urn: urn:test:req_node:owners-" + tag + ":a.1\n      ref_id: A.1\n      name: Rule\n"
				+ "      assessable: true\n";
		String framework = api.body(api.postBytes(manager, "/api/v1/frameworks", "application/yaml", library.getBytes(StandardCharsets.UTF_8)),
				HttpStatus.CREATED).get("id").asString();
		JsonNode soa = api.body(api.post(manager, "/api/v1/soa", Map.of("frameworkId", framework)), HttpStatus.CREATED);
		String requirement = soa.get("entries").get(0).get("requirementId").asString();
		// An undecided line: before, the owner was never checked there and "nobody.here" reached the PDF.
		api.problem(api.patch(manager, "/api/v1/soa/" + soa.get("id").asString() + "/entries", Map.of("entries", List.of(Map.of(
				"requirementId", requirement, "owner", "nobody.here")))), HttpStatus.BAD_REQUEST, "entries[0].owner", "nobody.here");
		JsonNode unchanged = api.body(api.get(manager, "/api/v1/soa/" + soa.get("id").asString()), HttpStatus.OK);
		assertThat(unchanged.get("entries").get(0).get("owner").isNull() || unchanged.get("entries").get(0).get("owner").isMissingNode())
			.isTrue();
		api.body(api.patch(manager, "/api/v1/soa/" + soa.get("id").asString() + "/entries", Map.of("entries", List.of(Map.of(
				"requirementId", requirement, "owner", manager.username())))), HttpStatus.OK);
	}
}
