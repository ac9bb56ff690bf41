package org.openaims.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
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

/** RACI per AI system, control and process, the matrix and the gaps report, through the REST API. */
@AimsTest
class ResponsibilityApiTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	TestUser manager;

	TestUser owner;

	String tag;

	@BeforeEach
	void setUp() {
		manager = users.create(Role.AIMS_MANAGER);
		owner = users.create(Role.SYSTEM_OWNER);
		tag = UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void aRaciNeedsExactlyOneAccountable() {
		String system = system("Scoring " + tag, true);
		String uri = "/api/v1/responsibilities/AI_SYSTEM/" + system;
		api.problem(api.put(manager, uri, raci(line("R", "USER", owner.username(), false))), HttpStatus.BAD_REQUEST,
				"assignments", "exactly one Accountable (A), found 0");
		api.problem(api.put(manager, uri, raci(line("A", "USER", owner.username(), false), line("A", "ROLE", "AIMS_MANAGER", false))),
				HttpStatus.BAD_REQUEST, "assignments", "exactly one Accountable (A), found 2");
		assertThat(api.body(api.get(manager, uri), HttpStatus.OK).get("assignments")).isEmpty();

		JsonNode set = api.body(api.put(owner, uri, raci(line("A", "USER", owner.username(), false),
				line("R", "ROLE", "CONTRIBUTOR", true), line("C", "ROLE", "RISK_OWNER", false), line("I", "ROLE", "AUDITOR", false))),
				HttpStatus.OK);
		assertThat(set.get("name").asString()).isEqualTo("Scoring " + tag);
		assertThat(set.get("assignments")).hasSize(4);
		JsonNode read = api.body(api.get(users.create(Role.VIEWER), uri), HttpStatus.OK);
		List<String> letters = new ArrayList<>();
		read.get("assignments").forEach(a -> letters.add(a.get("letter").asString() + ":" + a.get("assignee").asString()));
		assertThat(letters).containsExactly("A:" + owner.username(), "C:RISK_OWNER", "I:AUDITOR", "R:CONTRIBUTOR");

		// Setting it again replaces it, and each setting is in the system's history.
		api.body(api.put(manager, uri, raci(line("A", "USER", manager.username(), true))), HttpStatus.OK);
		assertThat(api.body(api.get(manager, uri), HttpStatus.OK).get("assignments")).hasSize(1);
		LedgerTestSupport.awaitRecorded(jdbc);
		List<String> events = new ArrayList<>();
		api.body(api.get(manager, "/api/v1/ai-systems/" + system + "/history"), HttpStatus.OK)
			.forEach(e -> events.add(e.get("event").asString()));
		assertThat(events).containsSubsequence("AiSystemRegistered", "ResponsibilitiesAssigned", "ResponsibilitiesAssigned");
	}

	@Test
	void assigneesAndSubjectsAreChecked() {
		String system = system("Checked " + tag, true);
		String uri = "/api/v1/responsibilities/AI_SYSTEM/" + system;
		api.problem(api.put(manager, uri, raci(line("A", "USER", "nobody-" + tag, false))), HttpStatus.BAD_REQUEST,
				"assignments[0].assignee", "no active user");
		api.problem(api.put(manager, uri, raci(line("A", "ROLE", "CEO", false))), HttpStatus.BAD_REQUEST,
				"assignments[0].assignee", "is not a role");
		api.problem(api.put(manager, uri, raci(line("X", "ROLE", "ADMIN", false))), HttpStatus.BAD_REQUEST, null, null);
		api.problem(api.put(manager, uri, Map.of()), HttpStatus.BAD_REQUEST, "assignments", null);
		api.problem(api.put(manager, "/api/v1/responsibilities/AI_SYSTEM/" + UUID.randomUUID(),
				raci(line("A", "ROLE", "ADMIN", false))), HttpStatus.BAD_REQUEST, "subjectRef", "no AI system");
		api.problem(api.put(manager, "/api/v1/responsibilities/PLANET/x", raci(line("A", "ROLE", "ADMIN", false))),
				HttpStatus.BAD_REQUEST, null, null);
		api.problem(api.put(manager, "/api/v1/responsibilities/CONTROL/not-a-control", raci(line("A", "ROLE", "ADMIN", false))),
				HttpStatus.BAD_REQUEST, "subjectRef", "control id");

		// A system owner sets the RACI of their own systems only; a viewer of none.
		String someoneElses = system("Foreign " + tag, true);
		jdbc.sql("UPDATE ai_systems SET owner = :o WHERE id = :id").param("o", manager.username())
			.param("id", UUID.fromString(someoneElses)).update();
		api.problem(api.put(owner, "/api/v1/responsibilities/AI_SYSTEM/" + someoneElses, raci(line("A", "ROLE", "ADMIN", false))),
				HttpStatus.FORBIDDEN, null, "only the owner");
		api.problem(api.put(owner, "/api/v1/responsibilities/CONTROL/A.6.2.4", raci(line("A", "ROLE", "ADMIN", false))),
				HttpStatus.FORBIDDEN, null, "AIMS managers");
		api.problem(api.put(users.create(Role.VIEWER), uri, raci(line("A", "ROLE", "ADMIN", false))), HttpStatus.FORBIDDEN, null, null);
	}

	@Test
	void controlsAndProcessesHaveARaciInTheMatrix() {
		api.body(api.put(manager, "/api/v1/responsibilities/CONTROL/A.6.2.4", raci(line("A", "USER", manager.username(), false),
				line("R", "ROLE", "SYSTEM_OWNER", false))), HttpStatus.OK);
		String process = "Incident response " + tag;
		api.body(api.put(manager, "/api/v1/responsibilities/PROCESS/" + process, raci(line("A", "ROLE", "AIMS_MANAGER", false))),
				HttpStatus.OK);
		List<String> subjects = new ArrayList<>();
		api.body(api.get(owner, "/api/v1/responsibilities"), HttpStatus.OK)
			.forEach(s -> subjects.add(s.get("subjectType").asString() + ":" + s.get("subjectRef").asString()));
		assertThat(subjects).contains("CONTROL:A.6.2.4", "PROCESS:" + process);
		JsonNode processRaci = api.body(api.get(owner, "/api/v1/responsibilities/PROCESS/" + process), HttpStatus.OK);
		assertThat(processRaci.get("accountable").asString()).isEqualTo("AIMS_MANAGER");
		assertThat(processRaci.get("humanOversight").asBoolean()).isFalse();
		String csv = api.csv(api.get(owner, "/api/v1/responsibilities/export"));
		assertThat(csv).contains("CONTROL,A.6.2.4,A.6.2.4,A,USER," + manager.username() + ",false");
		LedgerTestSupport.awaitRecorded(jdbc);
		assertThat(api.body(api.get(owner, "/api/v1/responsibilities/CONTROL/A.6.2.4/history"), HttpStatus.OK)).isNotEmpty();
	}

	@Test
	void theGapsReportListsInScopeSystemsWithoutAccountableOrOversight() {
		String complete = system("Complete " + tag, true);
		String noOversight = system("No oversight " + tag, true);
		String nothing = system("Nothing " + tag, true);
		String outOfScope = system("Outside " + tag, false);
		api.body(api.put(owner, "/api/v1/responsibilities/AI_SYSTEM/" + complete, raci(line("A", "USER", owner.username(), false),
				line("R", "ROLE", "CONTRIBUTOR", true))), HttpStatus.OK);
		api.body(api.put(owner, "/api/v1/responsibilities/AI_SYSTEM/" + noOversight,
				raci(line("A", "USER", owner.username(), false))), HttpStatus.OK);

		Map<String, List<String>> gaps = new HashMap<>();
		allGaps(owner).forEach(g -> {
			List<String> missing = new ArrayList<>();
			g.get("missing").forEach(m -> missing.add(m.asString()));
			gaps.put(g.get("aiSystemId").asString(), missing);
		});
		assertThat(gaps).doesNotContainKey(complete).doesNotContainKey(outOfScope);
		assertThat(gaps.get(noOversight)).containsExactly("HUMAN_OVERSIGHT");
		assertThat(gaps.get(nothing)).containsExactly("ACCOUNTABLE", "HUMAN_OVERSIGHT");

		// Retired systems are not in scope any more.
		api.body(api.post(owner, "/api/v1/ai-systems/" + nothing + "/retire", Map.of()), HttpStatus.OK);
		List<String> after = new ArrayList<>();
		allGaps(owner).forEach(g -> after.add(g.get("aiSystemId").asString()));
		assertThat(after).contains(noOversight).doesNotContain(nothing);
	}

	private String system(String name, boolean inScope) {
		Map<String, Object> system = new HashMap<>(Map.of("name", name, "intendedPurpose", "x", "organizationRoles",
				List.of("DEVELOPER"), "lifecycleStage", "OPERATING", "riskTier", "HIGH", "owner", owner.username(), "inScope", inScope));
		if (!inScope) {
			system.put("scopeJustification", "a test system outside the AIMS");
		}
		return api.body(api.post(owner, "/api/v1/ai-systems", system), HttpStatus.CREATED).get("id").asString();
	}

	/** Every gap, page by page (a page covers the next in-scope systems by name). */
	private List<JsonNode> allGaps(TestUser user) {
		List<JsonNode> all = new ArrayList<>();
		String after = null;
		do {
			JsonNode page = api.body(api.get(user, "/api/v1/responsibilities/gaps?limit=7" + (after == null ? "" : "&after=" + after)),
					HttpStatus.OK);
			page.get("items").forEach(all::add);
			after = page.get("next").isNull() ? null : page.get("next").asString();
		}
		while (after != null);
		return all;
	}

	private static Map<String, Object> raci(Map<?, ?>... lines) {
		return Map.of("assignments", List.of(lines));
	}

	private static Map<String, Object> line(String letter, String type, String assignee, boolean oversight) {
		return Map.of("letter", letter, "assigneeType", type, "assignee", assignee, "humanOversight", oversight);
	}
}
