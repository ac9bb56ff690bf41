package org.openaims.governance;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Concerns about AI systems (A.3.3): reporting, anonymity towards handlers, triage, through the REST API. */
@AimsTest
class ConcernApiTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	TestUser handler;

	TestUser reporter;

	String system;

	String tag;

	@BeforeEach
	void setUp() {
		handler = users.create(Role.AIMS_MANAGER);
		reporter = users.create(Role.VIEWER);
		tag = UUID.randomUUID().toString().substring(0, 8);
		system = api.body(api.post(handler, "/api/v1/ai-systems", Map.of("name", "CV screening " + tag, "intendedPurpose", "x",
				"organizationRoles", List.of("DEPLOYER"), "lifecycleStage", "OPERATING", "riskTier", "HIGH", "owner",
				handler.username())), HttpStatus.CREATED).get("id").asString();
	}

	@Test
	void anAnonymousReportNamesNobodyToHandlersAndTheLedger() {
		// Anonymous reports are made without signing in (AnonymousConcernTests); signed in, the name is known.
		api.problem(api.post(reporter, "/api/v1/concerns", Map.of("aiSystemId", system, "summary", "Signed in " + tag,
				"description", "d", "anonymous", true)), HttpStatus.BAD_REQUEST, "anonymous", "without signing in");
		JsonNode reported = api.body(mvc.post().uri("/api/v1/public/concerns").contentType(MediaType.APPLICATION_JSON)
			.content(api.write(Map.of("aiSystem", "CV screening " + tag, "summary", "Rejects older applicants " + tag,
					"description", "All applicants over 50 were rejected last week.")))
			.exchange(), HttpStatus.CREATED);
		String id = reported.get("concern").get("id").asString();
		String receipt = reported.get("receipt").asString();
		api.body(mvc.post().uri("/api/v1/public/concerns/notes").contentType(MediaType.APPLICATION_JSON)
			.content(api.write(Map.of("receipt", receipt, "note", "It happened again today."))).exchange(), HttpStatus.OK);

		JsonNode seen = api.body(api.get(handler, "/api/v1/concerns/" + id), HttpStatus.OK);
		assertThat(seen.get("reporter").isNull()).isTrue();
		assertThat(seen.get("anonymous").asBoolean()).isTrue();
		assertThat(seen.get("aiSystemName").asString()).isEqualTo("CV screening " + tag);
		assertThat(seen.get("notes").get(0).get("writtenBy").asString()).isEqualTo("reporter");
		JsonNode listed = api.body(api.get(handler, "/api/v1/concerns?q=" + tag), HttpStatus.OK);
		assertThat(listed.get("items")).hasSize(1);
		assertThat(api.csv(api.get(handler, "/api/v1/concerns/export?q=" + tag))).contains("(anonymous)");

		LedgerTestSupport.awaitRecorded(jdbc);
		JsonNode history = api.body(api.get(handler, "/api/v1/concerns/" + id + "/history"), HttpStatus.OK);
		assertThat(history).hasSize(2);
		history.forEach(e -> assertThat(e.get("actor").asString()).isEqualTo("anonymous"));
		TestUser auditor = users.create(Role.AUDITOR);
		JsonNode entries = api.body(api.get(auditor, "/api/v1/ledger/entries?subjectType=concern&subjectId=" + id), HttpStatus.OK);
		assertThat(entries.get("items")).hasSize(2);
		entries.get("items").forEach(e -> assertThat(e.get("actorToken").isNull()).isTrue());
	}

	@Test
	void aNamedReporterIsShownAndOthersNeverSeeTheConcern() {
		String id = api.body(api.post(reporter, "/api/v1/concerns", Map.of("aiSystemId", system, "summary", "Named " + tag,
				"description", "details")), HttpStatus.CREATED).get("id").asString();
		assertThat(api.body(api.get(handler, "/api/v1/concerns/" + id), HttpStatus.OK).get("reporter").asString())
			.isEqualTo(reporter.username());

		TestUser other = users.create(Role.CONTRIBUTOR);
		api.problem(api.get(other, "/api/v1/concerns/" + id), HttpStatus.NOT_FOUND, null, null);
		api.problem(api.post(other, "/api/v1/concerns/" + id + "/notes", Map.of("note", "me too")), HttpStatus.NOT_FOUND, null, null);
		api.problem(api.get(other, "/api/v1/concerns/" + id + "/history"), HttpStatus.NOT_FOUND, null, null);
		assertThat(api.body(api.get(other, "/api/v1/concerns?q=" + tag), HttpStatus.OK).get("items")).isEmpty();
		assertThat(api.csv(api.get(other, "/api/v1/concerns/export"))).doesNotContain("Named " + tag);
		String own = api.body(api.post(other, "/api/v1/concerns", Map.of("summary", "Mine " + tag, "description", "d")),
				HttpStatus.CREATED).get("id").asString();
		List<String> visible = new ArrayList<>();
		api.body(api.get(other, "/api/v1/concerns?q=" + tag), HttpStatus.OK).get("items").forEach(c -> visible.add(c.get("id").asString()));
		assertThat(visible).containsExactly(own);
	}

	@Test
	void handlersTriageAndCloseWithAResolution() {
		String id = api.body(api.post(reporter, "/api/v1/concerns", Map.of("aiSystemId", system, "summary", "Triage " + tag,
				"description", "d")), HttpStatus.CREATED).get("id").asString();
		api.problem(api.post(reporter, "/api/v1/concerns/" + id + "/triage", Map.of("status", "DISMISSED", "note", "mine")),
				HttpStatus.FORBIDDEN, null, null);
		api.body(api.post(handler, "/api/v1/concerns/" + id + "/triage", Map.of("status", "INVESTIGATING", "note", "checking logs")),
				HttpStatus.OK);
		api.problem(api.post(handler, "/api/v1/concerns/" + id + "/triage", Map.of("status", "RESOLVED", "note", "done")),
				HttpStatus.BAD_REQUEST, "resolution", "how the concern was resolved");
		api.problem(api.post(handler, "/api/v1/concerns/" + id + "/triage", Map.of("status", "NEW", "note", "again")),
				HttpStatus.BAD_REQUEST, "status", null);
		api.problem(api.post(handler, "/api/v1/concerns/" + id + "/triage", Map.of("status", "SOLVED", "note", "x")),
				HttpStatus.BAD_REQUEST, "status", null);
		api.problem(api.post(handler, "/api/v1/concerns/" + id + "/triage", Map.of("status", "TRIAGED")), HttpStatus.BAD_REQUEST,
				"note", null);
		JsonNode resolved = api.body(api.post(handler, "/api/v1/concerns/" + id + "/triage", Map.of("status", "RESOLVED", "note",
				"fixed", "resolution", "Age removed from the features; model retrained.")), HttpStatus.OK);
		assertThat(resolved.get("status").asString()).isEqualTo("RESOLVED");
		assertThat(resolved.get("notes")).hasSize(2);
		// The reporter follows the outcome of their own concern.
		JsonNode mine = api.body(api.get(reporter, "/api/v1/concerns/" + id), HttpStatus.OK);
		assertThat(mine.get("resolution").asString()).contains("model retrained");
		api.problem(api.post(reporter, "/api/v1/concerns/" + id + "/notes", Map.of("note", "thanks")), HttpStatus.CONFLICT, null,
				"resolved");
		List<String> open = new ArrayList<>();
		api.body(api.get(handler, "/api/v1/concerns?open=true&q=" + tag), HttpStatus.OK).get("items").forEach(c -> open.add(c.get("id").asString()));
		assertThat(open).doesNotContain(id);
	}

	@Test
	void badReportsAreRefused() {
		api.problem(api.post(reporter, "/api/v1/concerns", Map.of("summary", "", "description", "d")), HttpStatus.BAD_REQUEST,
				"summary", null);
		api.problem(api.post(reporter, "/api/v1/concerns", Map.of("summary", "s")), HttpStatus.BAD_REQUEST, "description", null);
		api.problem(api.post(reporter, "/api/v1/concerns", Map.of("summary", "s", "description", "d", "aiSystemId",
				UUID.randomUUID().toString())), HttpStatus.BAD_REQUEST, "aiSystemId", "no AI system");
		api.problem(api.post(reporter, "/api/v1/concerns", Map.of("summary", "s".repeat(301), "description", "d")),
				HttpStatus.BAD_REQUEST, "summary", null);
		api.problem(api.post(reporter, "/api/v1/concerns", Map.of("summary", "s", "description", "d", "anonymous", "maybe")),
				HttpStatus.BAD_REQUEST, "anonymous", null);
	}
}
