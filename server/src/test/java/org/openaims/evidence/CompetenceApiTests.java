package org.openaims.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

/**
 * Competence records (7.2, A.4.6) and the gap list: a person made accountable in the RACI, an
 * approver, an auditor appear as gaps until a current record with valid evidence covers them, and
 * appear again when it or its evidence expires.
 */
@AimsTest
class CompetenceApiTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	TestUser manager;

	String tag;

	@BeforeEach
	void setUp() {
		manager = users.create(Role.AIMS_MANAGER);
		tag = UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void aCompetenceGapAppearsAndDisappears() {
		TestUser person = users.create(Role.SYSTEM_OWNER);
		assertThat(gaps(person)).isEmpty();
		String system = api.body(api.post(manager, "/api/v1/ai-systems", Map.of("name", "Triage " + tag, "intendedPurpose", "Sort tickets",
				"organizationRoles", List.of("DEPLOYER"), "lifecycleStage", "OPERATING", "riskTier", "MEDIUM", "owner", person.username())),
				HttpStatus.CREATED).get("id").asString();
		api.body(api.put(manager, "/api/v1/responsibilities/AI_SYSTEM/" + system, Map.of("assignments", List.of(
				Map.of("letter", "A", "assigneeType", "USER", "assignee", person.username(), "humanOversight", true)))), HttpStatus.OK);
		assertThat(gaps(person)).containsExactly("RACI_ACCOUNTABLE: no competence record for raci accountable");

		// A record without evidence does not close it; one with valid evidence does.
		Map<String, Object> record = new LinkedHashMap<>(Map.of("person", person.username(), "area", "RACI_ACCOUNTABLE", "roleDetail",
				"Accountable for Triage " + tag, "competence", "AI system owner training, module 2", "validUntil",
				LocalDate.now().plusYears(1).toString()));
		JsonNode recorded = api.body(api.post(manager, "/api/v1/competences", record), HttpStatus.CREATED);
		String id = recorded.get("id").asString();
		assertThat(recorded.get("current").asBoolean()).isFalse();
		assertThat(gaps(person)).containsExactly("RACI_ACCOUNTABLE: no evidence of the competence is attached");
		String certificate = api.body(api.post(manager, "/api/v1/evidence", Map.of("kind", "NOTE", "title", "Training record " + tag,
				"description", "Passed the owner training on 2026-11-30", "validUntil", LocalDate.now().plusMonths(6).toString())),
				HttpStatus.CREATED).get("id").asString();
		record.put("evidenceId", certificate);
		record.put("version", recorded.get("version").asLong());
		JsonNode evidenced = api.body(api.put(manager, "/api/v1/competences/" + id, record), HttpStatus.OK);
		assertThat(evidenced.get("current").asBoolean()).isTrue();
		assertThat(evidenced.get("evidence").get("title").asString()).isEqualTo("Training record " + tag);
		assertThat(evidenced.get("evidence").get("validity").asString()).isEqualTo("VALID");
		assertThat(gaps(person)).isEmpty();

		// The evidence expires: the gap is back, saying why.
		api.body(api.put(manager, "/api/v1/evidence/" + certificate, Map.of("kind", "NOTE", "title", "Training record " + tag,
				"description", "Passed the owner training on 2026-11-30", "validUntil", LocalDate.now().minusDays(1).toString())),
				HttpStatus.OK);
		assertThat(gaps(person)).containsExactly("RACI_ACCOUNTABLE: its evidence 'Training record " + tag + "' expired on "
				+ LocalDate.now().minusDays(1));

		// The record expires: the gap says so.
		record.put("validUntil", LocalDate.now().minusDays(2).toString());
		record.put("version", evidenced.get("version").asLong());
		api.body(api.put(manager, "/api/v1/competences/" + id, record), HttpStatus.OK);
		assertThat(gaps(person)).containsExactly("RACI_ACCOUNTABLE: the record expired on " + LocalDate.now().minusDays(2));
		assertThat(ids("validity=EXPIRED&person=" + person.username())).containsExactly(id);

		// Responsible, not accountable: another gap, closed by a record for that area.
		api.body(api.put(manager, "/api/v1/responsibilities/AI_SYSTEM/" + system, Map.of("assignments", List.of(
				Map.of("letter", "A", "assigneeType", "USER", "assignee", manager.username(), "humanOversight", true),
				Map.of("letter", "R", "assigneeType", "USER", "assignee", person.username(), "humanOversight", false)))), HttpStatus.OK);
		assertThat(gaps(person)).containsExactly("RACI_RESPONSIBLE: no competence record for raci responsible");

		LedgerTestSupport.awaitRecorded(jdbc);
		List<String> events = new ArrayList<>();
		api.body(api.get(manager, "/api/v1/competences/" + id + "/history"), HttpStatus.OK)
			.forEach(e -> events.add(e.get("event").asString()));
		assertThat(events).containsExactly("CompetenceRecorded", "CompetenceChanged", "CompetenceChanged");
	}

	@Test
	void approversAndAuditorsNeedARecordForTheirRole() {
		TestUser approver = users.create(Role.APPROVER);
		TestUser auditor = users.create(Role.AUDITOR);
		assertThat(gaps(approver)).containsExactly("APPROVER: no competence record for approver");
		assertThat(gaps(auditor)).containsExactly("AUDITOR: no competence record for auditor");
		String evidence = api.body(api.post(manager, "/api/v1/evidence", Map.of("kind", "LINK", "title", "Lead auditor certificate " + tag,
				"url", "https://certificates.example.org/" + tag)), HttpStatus.CREATED).get("id").asString();
		api.body(api.post(manager, "/api/v1/competences", Map.of("person", auditor.username(), "area", "AUDITOR", "competence",
				"ISO/IEC 42001 lead auditor", "evidenceId", evidence)), HttpStatus.CREATED);
		assertThat(gaps(auditor)).isEmpty();
		assertThat(gaps(approver)).hasSize(1);
	}

	@Test
	void onlyManagersKeepRecordsAndBadInputIsRefused() {
		TestUser person = users.create(Role.VIEWER);
		Map<String, Object> record = Map.of("person", person.username(), "area", "APPROVER", "competence", "Approver briefing");
		for (Role role : List.of(Role.SYSTEM_OWNER, Role.APPROVER, Role.AUDITOR, Role.CONTRIBUTOR, Role.VIEWER)) {
			assertThat(api.post(users.create(role), "/api/v1/competences", record).getResponse().getStatus()).as(role.name()).isEqualTo(403);
		}
		long before = jdbc.sql("SELECT COUNT(*) FROM competences").query(Long.class).single();
		api.problem(api.post(manager, "/api/v1/competences", Map.of("person", "nobody-" + tag, "area", "APPROVER", "competence", "c")),
				HttpStatus.BAD_REQUEST, "person", "no active user");
		api.problem(api.post(manager, "/api/v1/competences", Map.of("person", person.username(), "area", "APPROVER", "competence", "c",
				"evidenceId", UUID.randomUUID().toString())), HttpStatus.BAD_REQUEST, "evidenceId", "no evidence item");
		api.problem(api.post(manager, "/api/v1/competences", Map.of("person", person.username(), "area", "OTHER", "competence", "c")),
				HttpStatus.BAD_REQUEST, "roleDetail", "name the responsibility");
		api.problem(api.post(manager, "/api/v1/competences", Map.of("person", person.username(), "area", "PILOT", "competence", "c")),
				HttpStatus.BAD_REQUEST, null, null);
		api.problem(api.post(manager, "/api/v1/competences", Map.of("person", person.username(), "area", "APPROVER")),
				HttpStatus.BAD_REQUEST, "competence", null);
		api.problem(api.get(manager, "/api/v1/competences?sort=competence"), HttpStatus.BAD_REQUEST, "sort", "must be one of");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM competences").query(Long.class).single()).isEqualTo(before);

		api.body(api.post(manager, "/api/v1/competences", record), HttpStatus.CREATED);
		String csv = api.csv(api.get(manager, "/api/v1/competences/export?person=" + person.username()));
		assertThat(csv.lines().toList()).hasSize(2);
		assertThat(csv).contains("Approver briefing").contains("no evidence of the competence is attached");
	}

	private List<String> gaps(TestUser person) {
		List<String> gaps = new ArrayList<>();
		api.body(api.get(manager, "/api/v1/competences/gaps"), HttpStatus.OK).forEach(g -> {
			if (g.get("person").asString().equals(person.username())) {
				gaps.add(g.get("area").asString() + ": " + g.get("reason").asString());
			}
		});
		return gaps;
	}

	private List<String> ids(String query) {
		List<String> ids = new ArrayList<>();
		api.body(api.get(manager, "/api/v1/competences?" + query), HttpStatus.OK).get("items").forEach(i -> ids.add(i.get("id").asString()));
		return ids;
	}
}
