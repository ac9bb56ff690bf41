package org.openaims.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 * The AI risk register through the REST API: scores checked against the criteria in force, treatment
 * actions feeding the Statement of Applicability, residual acceptance only by a role allowed for the
 * level and never by the risk's author, reassessment after a new system version, heat-map counts equal
 * to the register's, and every step in the risk's history and the ledger.
 */
@AimsTest
class RiskApiTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	TestUser manager;

	TestUser riskOwner;

	String tag;

	@BeforeEach
	void setUp() {
		RiskFixtures.inForce(api, users);
		manager = users.create(Role.AIMS_MANAGER);
		riskOwner = users.create(Role.RISK_OWNER);
		tag = UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void scoresOutsideTheScaleOfTheCriteriaInForceAreRefused() {
		api.problem(api.post(manager, "/api/v1/risks", RiskFixtures.risk("Too likely " + tag, null, "bias", 6, 3, riskOwner.username())),
				HttpStatus.BAD_REQUEST, "inherentLikelihood", "between 1 and 5");
		api.problem(api.post(manager, "/api/v1/risks", RiskFixtures.risk("No impact " + tag, null, "bias", 3, 0, riskOwner.username())),
				HttpStatus.BAD_REQUEST, "inherentImpact", "between 1 and 5");
		api.problem(api.post(manager, "/api/v1/risks", RiskFixtures.risk("Unknown " + tag, null, "astrology", 3, 3, riskOwner.username())),
				HttpStatus.BAD_REQUEST, "category", "not a risk category");
		api.problem(api.post(manager, "/api/v1/risks", RiskFixtures.risk("Nobody " + tag, null, "bias", 3, 3, "no-such-user")),
				HttpStatus.BAD_REQUEST, "owner", "no active user");
		api.problem(api.post(manager, "/api/v1/risks", RiskFixtures.risk("Ghost system " + tag, UUID.randomUUID().toString(), "bias", 3, 3,
				riskOwner.username())), HttpStatus.BAD_REQUEST, "aiSystemId", "no AI system");
		api.problem(api.raw(manager, "/api/v1/risks", "{\"title\": \"broken"), HttpStatus.BAD_REQUEST, null, null);
		assertThat(api.body(api.get(manager, "/api/v1/risks?q=" + tag), HttpStatus.OK).get("items")).isEmpty();

		String id = api.body(api.post(manager, "/api/v1/risks", RiskFixtures.risk("Scored " + tag, null, "bias", 2, 2,
				riskOwner.username())), HttpStatus.CREATED).get("id").asString();
		api.problem(api.post(manager, "/api/v1/risks/" + id + "/assessments", Map.of("likelihood", 7, "impact", 1)), HttpStatus.BAD_REQUEST,
				"likelihood", "between 1 and 5");
		api.problem(api.post(manager, "/api/v1/risks/" + id + "/residual", Map.of("likelihood", 1, "impact", -1)), HttpStatus.BAD_REQUEST,
				"impact", "between 1 and 5");
		api.problem(api.put(manager, "/api/v1/risks/" + id + "/treatment", Map.of("option", "RETAIN", "targetLikelihood", 9,
				"targetImpact", 1)), HttpStatus.BAD_REQUEST, "targetLikelihood", "between 1 and 5");
		// Criteria themselves: scales of 3 to 6 levels, a full matrix of known levels that never ranks lower as scores rise.
		api.problem(api.post(manager, "/api/v1/risk-criteria", Map.of("definition", RiskFixtures.definition(7, 5, RiskFixtures.MATRIX))),
				HttpStatus.BAD_REQUEST, "likelihood", "3 to 6 levels");
		api.problem(api.post(manager, "/api/v1/risk-criteria", Map.of("definition", RiskFixtures.definition(2, 5, RiskFixtures.MATRIX))),
				HttpStatus.BAD_REQUEST, "likelihood", "3 to 6 levels");
		List<List<String>> inverted = new ArrayList<>(RiskFixtures.MATRIX);
		inverted.set(4, List.of("low", "low", "low", "low", "low"));
		api.problem(api.post(manager, "/api/v1/risk-criteria", Map.of("definition", RiskFixtures.definition(5, 5, inverted))),
				HttpStatus.BAD_REQUEST, "matrix[4][0]", "ranks lower");
		List<List<String>> unknown = new ArrayList<>(RiskFixtures.MATRIX);
		unknown.set(0, List.of("low", "low", "low", "medium", "severe"));
		api.problem(api.post(manager, "/api/v1/risk-criteria", Map.of("definition", RiskFixtures.definition(5, 5, unknown))),
				HttpStatus.BAD_REQUEST, "matrix[0][4]", "not a risk level");
		api.problem(api.post(manager, "/api/v1/risk-criteria", Map.of("definition", RiskFixtures.definition(5, 5, RiskFixtures.MATRIX.subList(0, 4)))),
				HttpStatus.BAD_REQUEST, "matrix", "one row per likelihood level");
		api.problem(api.post(riskOwner, "/api/v1/risk-criteria", Map.of("definition", RiskFixtures.definition(5, 5, RiskFixtures.MATRIX))),
				HttpStatus.FORBIDDEN, null, null);
		// Broken and hostile criteria bodies: 400, never 500, nothing drafted.
		long versions = api.body(api.get(manager, "/api/v1/risk-criteria"), HttpStatus.OK).size();
		for (String hostile : List.of("{\"definition\": {\"likelihood\": \"x\"}}", "{\"definition\": null}", "[]", "{",
				"{\"definition\": {\"likelihood\": [null, null, null], \"impact\": [{}, {}, {}], \"levels\": [null, {}], \"matrix\": [[null]]}}",
				"{\"definition\": {\"levels\": [{\"key\": \"a\", \"name\": \"A\", \"acceptedBy\": [\"WIZARD\"]}]}}",
				"{\"definition\": {\"levels\": [{\"key\": \"a\", \"name\": \"A\", \"acceptedBy\": [null]}]}}",
				"{\"definition\": {\"matrix\": " + "[".repeat(3000) + "]".repeat(3000) + "}}",
				"{\"definition\": {\"likelihood\": [" + "{\"name\": \"x\"},".repeat(5000) + "{\"name\": \"y\"}]}}")) {
			api.problem(api.raw(manager, "/api/v1/risk-criteria", hostile), HttpStatus.BAD_REQUEST, null, null);
		}
		assertThat(api.body(api.get(manager, "/api/v1/risk-criteria"), HttpStatus.OK).size()).isEqualTo(versions);
	}

	@Test
	void residualRiskIsAcceptedOnlyByARoleAllowedForItsLevelAndNeverByItsAuthor() {
		// The author is an AIMS manager: a role that may accept "high", but not their own risk.
		String id = api.body(api.post(manager, "/api/v1/risks", RiskFixtures.risk("Bias in ranking " + tag, null, "bias", 5, 5,
				riskOwner.username())), HttpStatus.CREATED).get("id").asString();
		JsonNode risk = api.body(api.get(riskOwner, "/api/v1/risks/" + id), HttpStatus.OK);
		assertThat(risk.get("inherent").get("level").asString()).isEqualTo("critical");
		assertThat(risk.get("ref").asString()).startsWith("RISK-");

		api.problem(api.post(riskOwner, "/api/v1/risks/" + id + "/acceptance", Map.of("rationale", "fine")), HttpStatus.CONFLICT, null,
				"no residual assessment");
		api.body(api.put(riskOwner, "/api/v1/risks/" + id + "/treatment", Map.of("option", "MODIFY", "note", "fairness controls",
				"targetLikelihood", 3, "targetImpact", 4, "actions", List.of(Map.of("title", "Bias testing per release", "owner",
						riskOwner.username(), "dueDate", LocalDate.now().plusDays(30).toString(), "status", "DONE", "controls",
						List.of("A.6.2.4"))))), HttpStatus.OK);
		JsonNode residual = api.body(api.post(riskOwner, "/api/v1/risks/" + id + "/residual", Map.of("likelihood", 3, "impact", 4,
				"note", "after bias testing")), HttpStatus.OK);
		assertThat(residual.get("residual").get("level").asString()).isEqualTo("high");
		JsonNode requested = api.body(api.post(riskOwner, "/api/v1/risks/" + id + "/acceptance", Map.of("rationale",
				"Quarterly bias audits keep it within appetite")), HttpStatus.OK);
		assertThat(requested.get("status").asString()).isEqualTo("ACCEPTANCE_REQUESTED");
		String approval = requested.get("approval").get("id").asString();
		assertThat(requested.get("approval").get("approverRoles").toString()).contains("AIMS_MANAGER", "ADMIN").doesNotContain("RISK_OWNER");

		// A risk owner (below the "high" threshold) may not accept it.
		TestUser otherOwner = users.create(Role.RISK_OWNER, Role.APPROVER);
		api.problem(api.post(otherOwner, "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "APPROVE")),
				HttpStatus.FORBIDDEN, null, "needs one of the roles");
		// Its author may not either, though an AIMS manager.
		api.problem(api.post(manager, "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "APPROVE")),
				HttpStatus.FORBIDDEN, null, "segregation of duties");
		// Nor who asked for the acceptance.
		assertThat(api.get(riskOwner, "/api/v1/risks/" + id)).hasStatusOk();
		api.problem(api.post(riskOwner, "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "APPROVE")),
				HttpStatus.FORBIDDEN, null, null);
		assertThat(api.body(api.get(riskOwner, "/api/v1/risks/" + id), HttpStatus.OK).get("status").asString())
			.isEqualTo("ACCEPTANCE_REQUESTED");

		TestUser otherManager = users.create(Role.AIMS_MANAGER);
		api.body(api.post(otherManager, "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "APPROVE", "comment", "ok")),
				HttpStatus.OK);
		JsonNode accepted = api.body(api.get(riskOwner, "/api/v1/risks/" + id), HttpStatus.OK);
		assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(accepted.get("acceptedBy").asString()).isEqualTo(otherManager.username());

		// A change of the residual scores voids the acceptance.
		JsonNode changed = api.body(api.post(riskOwner, "/api/v1/risks/" + id + "/residual", Map.of("likelihood", 4, "impact", 5)),
				HttpStatus.OK);
		assertThat(changed.get("status").asString()).isEqualTo("TREATMENT");
		assertThat(changed.get("acceptedBy").isNull() || changed.get("acceptedBy").isMissingNode()).isTrue();
		assertThat(changed.get("residual").get("level").asString()).isEqualTo("critical");
		// Critical: only an administrator may accept.
		String second = api.body(api.post(riskOwner, "/api/v1/risks/" + id + "/acceptance", Map.of("rationale", "board decision")),
				HttpStatus.OK).get("approval").get("id").asString();
		api.problem(api.post(otherManager, "/api/v1/approvals/" + second + "/decisions", Map.of("decision", "APPROVE")),
				HttpStatus.FORBIDDEN, null, "needs one of the roles [ADMIN]");
		TestUser admin = users.create(Role.ADMIN);
		api.body(api.post(admin, "/api/v1/approvals/" + second + "/decisions", Map.of("decision", "APPROVE")), HttpStatus.OK);
		assertThat(api.body(api.get(riskOwner, "/api/v1/risks/" + id), HttpStatus.OK).get("acceptedBy").asString()).isEqualTo(admin.username());

		// Every assessment, treatment and acceptance is in the risk's history, from the ledger.
		LedgerTestSupport.awaitRecorded(jdbc);
		List<String> events = new ArrayList<>();
		api.body(api.get(riskOwner, "/api/v1/risks/" + id + "/history"), HttpStatus.OK).forEach(e -> events.add(e.get("event").asString()));
		assertThat(events).containsSubsequence("RiskIdentified", "RiskAssessed", "RiskTreatmentPlanned", "RiskAssessed", "RiskAssessed",
				"RiskAcceptanceSubmitted", "ApprovalRequested", "ApprovalDecided", "ApprovalCompleted", "RiskAcceptanceApproved", "RiskAssessed",
				"RiskAcceptanceInvalidated", "ApprovalClosed", "RiskAcceptanceSubmitted", "ApprovalRequested", "ApprovalDecided",
				"ApprovalCompleted", "RiskAcceptanceApproved");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_entries WHERE subject_type = 'risk' AND subject_id = :id").param("id", id)
			.query(Long.class).single()).isGreaterThanOrEqualTo(10);
		JsonNode verdict = api.body(api.get(users.create(Role.AUDITOR), "/api/v1/ledger/verify"), HttpStatus.OK);
		assertThat(verdict.get("intact").asBoolean()).as(verdict.toString()).isTrue();
	}

	@Test
	void treatmentActionsShowAsSelectedByInTheStatementOfApplicability() throws Exception {
		String systemId = RiskFixtures.system(api, manager, "Support bot " + tag);
		String id = api.body(api.post(manager, "/api/v1/risks", RiskFixtures.risk("Prompt injection " + tag, systemId, "prompt-injection",
				4, 4, riskOwner.username())), HttpStatus.CREATED).get("id").asString();
		JsonNode planned = api.body(api.put(riskOwner, "/api/v1/risks/" + id + "/treatment", Map.of("option", "MODIFY", "actions", List.of(
				Map.of("title", "Log prompts and tool calls", "owner", riskOwner.username(), "dueDate", LocalDate.now().plusDays(10).toString(),
						"controls", List.of("A.6.2.8", "A.6.2.6")),
				Map.of("title", "Injection filter", "owner", riskOwner.username(), "dueDate", LocalDate.now().plusDays(20).toString(),
						"controls", List.of("iso42001-2023:A.6.2.4"))))), HttpStatus.OK);
		String ref = planned.get("ref").asString();
		assertThat(planned.get("actions").get(0).get("controls").toString()).contains("A.6.2.8", "A.6.2.6");
		api.problem(api.put(riskOwner, "/api/v1/risks/" + id + "/treatment", Map.of("option", "MODIFY", "actions", List.of(
				Map.of("title", "x", "owner", riskOwner.username(), "dueDate", LocalDate.now().toString(), "controls", List.of("A.99.1"))))),
				HttpStatus.BAD_REQUEST, "actions[0].controls", "no control 'A.99.1'");
		api.problem(api.put(riskOwner, "/api/v1/risks/" + id + "/treatment", Map.of("option", "MODIFY", "actions", List.of())),
				HttpStatus.BAD_REQUEST, "actions", "at least one treatment action");
		api.problem(api.put(users.create(Role.RISK_OWNER), "/api/v1/risks/" + id + "/treatment", Map.of("option", "RETAIN")),
				HttpStatus.FORBIDDEN, null, "only the owner");

		JsonNode soa = soa();
		String label = ref + " Prompt injection " + tag;
		assertThat(entry(soa, "A.6.2.8").get("selectedBy").toString()).contains(label);
		assertThat(entry(soa, "A.6.2.4").get("selectedBy").toString()).contains(label);
		assertThat(entry(soa, "A.2.2").get("selectedBy").toString()).doesNotContain(label);

		// Cancelling an action takes its controls out of "selected by".
		JsonNode current = api.body(api.get(riskOwner, "/api/v1/risks/" + id), HttpStatus.OK);
		List<Map<String, Object>> actions = new ArrayList<>();
		current.get("actions").forEach(a -> {
			Map<String, Object> action = new HashMap<>();
			action.put("id", a.get("id").asString());
			action.put("title", a.get("title").asString());
			action.put("owner", a.get("owner").asString());
			action.put("dueDate", a.get("dueDate").asString());
			action.put("status", a.get("title").asString().startsWith("Log") ? "CANCELLED" : "OPEN");
			List<String> controls = new ArrayList<>();
			a.get("controls").forEach(c -> controls.add(c.get("requirementId").asString()));
			action.put("controls", controls);
			actions.add(action);
		});
		var replanned = api.put(riskOwner, "/api/v1/risks/" + id + "/treatment", Map.of("option", "MODIFY", "actions", actions));
		assertThat(replanned.getResponse().getContentAsString()).contains("CANCELLED");
		api.body(replanned, HttpStatus.OK);
		soa = soa();
		assertThat(entry(soa, "A.6.2.8").get("selectedBy").toString()).doesNotContain(label);
		assertThat(entry(soa, "A.6.2.4").get("selectedBy").toString()).contains(label);
	}

	@Test
	void theStatementOfApplicabilityCountsTheRisksThatSelectAControlAndNamesOnlyTheNewestFew() {
		String last = null;
		for (int i = 1; i <= 7; i++) {
			String id = api.body(api.post(manager, "/api/v1/risks", RiskFixtures.risk("Selecting " + i + " " + tag, null, "security", 3, 3,
					riskOwner.username())), HttpStatus.CREATED).get("id").asString();
			last = api.body(api.put(riskOwner, "/api/v1/risks/" + id + "/treatment", Map.of("option", "MODIFY", "actions", List.of(
					Map.of("title", "Harden " + i, "owner", riskOwner.username(), "dueDate", LocalDate.now().plusDays(10).toString(),
							"controls", List.of("A.4.3"))))), HttpStatus.OK).get("ref").asString() + " Selecting " + i + " " + tag;
		}
		JsonNode entry = entry(soa(), "A.4.3");
		long count = entry.get("selectedByCount").asLong();
		assertThat(count).isGreaterThanOrEqualTo(7);
		assertThat(entry.get("selectedBy")).hasSize(5);
		assertThat(entry.get("selectedBy").get(0).asString()).isEqualTo(last);
		String link = entry.get("selectedByLink").asString();
		assertThat(link).startsWith("/risks?control=");
		// The link's filter lists exactly the risks counted.
		assertThat(count(link.substring(link.indexOf('?') + 1))).isEqualTo(count);
		// A closed risk no longer selects it.
		JsonNode first = api.body(api.get(manager, "/api/v1/risks?q=Selecting 1 " + tag), HttpStatus.OK).get("items").get(0);
		api.body(api.post(manager, "/api/v1/risks/" + first.get("id").asString() + "/close", Map.of("reason", "gone")), HttpStatus.OK);
		assertThat(entry(soa(), "A.4.3").get("selectedByCount").asLong()).isEqualTo(count - 1);
	}

	@Test
	void aNewSystemVersionFlagsItsRisksForReassessment() {
		String systemId = RiskFixtures.system(api, manager, "Credit model " + tag);
		String id = api.body(api.post(manager, "/api/v1/risks", RiskFixtures.risk("Lineage of training data " + tag, systemId,
				"data-lineage", 3, 4, riskOwner.username())), HttpStatus.CREATED).get("id").asString();
		String organizationRisk = api.body(api.post(manager, "/api/v1/risks", RiskFixtures.risk("Regulation changes " + tag, null, "legal",
				3, 3, riskOwner.username())), HttpStatus.CREATED).get("id").asString();
		api.body(api.post(manager, "/api/v1/ai-systems/" + systemId + "/versions", Map.of("label", "4.0.0")), HttpStatus.CREATED);
		LedgerTestSupport.awaitRecorded(jdbc);

		JsonNode flagged = api.body(api.get(riskOwner, "/api/v1/risks/" + id), HttpStatus.OK);
		assertThat(flagged.get("reassessmentDue").asBoolean()).isTrue();
		assertThat(flagged.get("reassessmentReason").asString()).contains("4.0.0");
		assertThat(api.body(api.get(riskOwner, "/api/v1/risks/" + organizationRisk), HttpStatus.OK).get("reassessmentDue").asBoolean()).isFalse();
		assertThat(api.body(api.get(riskOwner, "/api/v1/risks?reassessment=true&aiSystem=" + systemId), HttpStatus.OK).get("items"))
			.hasSize(1);
		// A flagged risk is not accepted before it is reassessed.
		api.body(api.post(riskOwner, "/api/v1/risks/" + id + "/residual", Map.of("likelihood", 1, "impact", 1)), HttpStatus.OK);
		api.problem(api.post(riskOwner, "/api/v1/risks/" + id + "/acceptance", Map.of("rationale", "low")), HttpStatus.CONFLICT, null,
				"must be reassessed");

		JsonNode reassessed = api.body(api.post(riskOwner, "/api/v1/risks/" + id + "/assessments", Map.of("likelihood", 2, "impact", 4,
				"note", "lineage documented for 4.0.0")), HttpStatus.OK);
		assertThat(reassessed.get("reassessmentDue").asBoolean()).isFalse();
		assertThat(reassessed.get("inherent").get("likelihood").asInt()).isEqualTo(2);
		LedgerTestSupport.awaitRecorded(jdbc);
		List<String> events = new ArrayList<>();
		api.body(api.get(riskOwner, "/api/v1/risks/" + id + "/history"), HttpStatus.OK).forEach(e -> events.add(e.get("event").asString()));
		assertThat(events).containsSubsequence("RiskIdentified", "RiskAssessed", "RiskFlagged", "RiskAssessed", "RiskAssessed");
	}

	@Test
	void heatMapCountsEqualTheRegisterForTheSameFilter() {
		Random random = new Random(42);
		String a = RiskFixtures.system(api, manager, "Heat A " + tag);
		String b = RiskFixtures.system(api, manager, "Heat B " + tag);
		List<String> categories = List.of("bias", "hallucination", "privacy-leakage");
		for (int n = 0; n < 24; n++) {
			String system = n % 3 == 0 ? null : n % 3 == 1 ? a : b;
			String id = api.body(api.post(manager, "/api/v1/risks", RiskFixtures.risk("heat " + tag + " " + n, system,
					categories.get(random.nextInt(3)), 1 + random.nextInt(5), 1 + random.nextInt(5), riskOwner.username())),
					HttpStatus.CREATED).get("id").asString();
			if (random.nextBoolean()) {
				api.body(api.post(riskOwner, "/api/v1/risks/" + id + "/residual", Map.of("likelihood", 1 + random.nextInt(5), "impact",
						1 + random.nextInt(5))), HttpStatus.OK);
			}
		}
		List<String> filters = List.of("q=" + tag, "aiSystem=" + a, "aiSystem=" + b + "&category=bias",
				"q=" + tag + "&organization=true", "q=" + tag + "&category=hallucination", "q=" + tag + "&level=high");
		for (String filter : filters) {
			for (String kind : List.of("INHERENT", "RESIDUAL")) {
				JsonNode map = api.body(api.get(manager, "/api/v1/risks/heatmap?kind=" + kind + "&" + filter), HttpStatus.OK);
				long listed = count(filter);
				assertThat(map.get("total").asLong()).as(filter).isEqualTo(listed);
				long inCells = 0;
				for (JsonNode cell : map.get("cells")) {
					long cellCount = cell.get("count").asLong();
					inCells += cellCount;
					String cellFilter = filter + "&scores=" + kind + "&likelihood=" + cell.get("likelihood").asInt() + "&impact="
							+ cell.get("impact").asInt();
					assertThat(count(cellFilter)).as(cellFilter).isEqualTo(cellCount);
				}
				assertThat(inCells + map.get("unscored").asLong() + map.get("otherCriteria").asLong()).as(filter).isEqualTo(listed);
				if (kind.equals("INHERENT")) {
					assertThat(map.get("unscored").asLong()).isZero();
				}
			}
		}
		assertThat(count("q=" + tag)).isEqualTo(24);
		api.problem(api.get(manager, "/api/v1/risks/heatmap?kind=TARGET"), HttpStatus.BAD_REQUEST, "kind", null);
		api.problem(api.get(manager, "/api/v1/risks/heatmap?kind=SIDEWAYS"), HttpStatus.BAD_REQUEST, null, null);
	}

	@Test
	void theHeatMapKeptAsCountsEqualsTheRegisterAfterScoresCategoriesAndStatusesMove() {
		Random random = new Random(7);
		String system = RiskFixtures.system(api, manager, "Kept " + tag);
		List<String> categories = List.of("bias", "privacy-leakage", "transparency");
		List<String> ids = new ArrayList<>();
		for (int n = 0; n < 12; n++) {
			ids.add(api.body(api.post(manager, "/api/v1/risks", RiskFixtures.risk("whole " + tag + " " + n, n % 2 == 0 ? null : system,
					categories.get(random.nextInt(3)), 1 + random.nextInt(5), 1 + random.nextInt(5), riskOwner.username())),
					HttpStatus.CREATED).get("id").asString());
		}
		for (String id : ids) {
			// Scores move: a reassessment, a residual, a second residual; so do categories, AI systems and statuses.
			api.body(api.post(manager, "/api/v1/risks/" + id + "/assessments", Map.of("likelihood", 1 + random.nextInt(5), "impact",
					1 + random.nextInt(5))), HttpStatus.OK);
			if (random.nextBoolean()) {
				api.body(api.post(riskOwner, "/api/v1/risks/" + id + "/residual", Map.of("likelihood", 1 + random.nextInt(5), "impact",
						1 + random.nextInt(5))), HttpStatus.OK);
				api.body(api.post(riskOwner, "/api/v1/risks/" + id + "/residual", Map.of("likelihood", 1 + random.nextInt(5), "impact",
						1 + random.nextInt(5))), HttpStatus.OK);
			}
			if (random.nextBoolean()) {
				JsonNode risk = api.body(api.get(manager, "/api/v1/risks/" + id), HttpStatus.OK);
				Map<String, Object> details = RiskFixtures.risk(risk.get("title").asString(), random.nextBoolean() ? system : null,
						categories.get(random.nextInt(3)), risk.get("inherent").get("likelihood").asInt(),
						risk.get("inherent").get("impact").asInt(), riskOwner.username());
				api.body(api.put(manager, "/api/v1/risks/" + id, details), HttpStatus.OK);
			}
			switch (random.nextInt(3)) {
				case 0 -> api.body(api.put(riskOwner, "/api/v1/risks/" + id + "/treatment", Map.of("option", "RETAIN", "note", "within appetite",
						"targetLikelihood", 1, "targetImpact", 1)), HttpStatus.OK);
				case 1 -> api.body(api.post(manager, "/api/v1/risks/" + id + "/close", Map.of("reason", "gone")), HttpStatus.OK);
				default -> {
				}
			}
		}
		List<String> filters = List.of("", "category=bias", "category=privacy-leakage&status=TREATMENT", "organization=true",
				"status=CLOSED", "organization=true&category=transparency&status=OPEN");
		for (String filter : filters) {
			for (String kind : List.of("INHERENT", "RESIDUAL")) {
				JsonNode map = api.body(api.get(manager, "/api/v1/risks/heatmap?kind=" + kind + "&" + filter), HttpStatus.OK);
				long listed = countAll(filter);
				assertThat(map.get("total").asLong()).as(kind + " " + filter).isEqualTo(listed);
				long inCells = 0;
				for (JsonNode cell : map.get("cells")) {
					inCells += cell.get("count").asLong();
					assertThat(countAll(filter + "&scores=" + kind + "&likelihood=" + cell.get("likelihood").asInt() + "&impact="
							+ cell.get("impact").asInt())).as(kind + " " + filter + " cell " + cell).isEqualTo(cell.get("count").asLong());
				}
				assertThat(inCells + map.get("unscored").asLong() + map.get("otherCriteria").asLong()).as(kind + " " + filter).isEqualTo(listed);
			}
		}
	}

	private long countAll(String filter) {
		long total = 0;
		String after = null;
		do {
			JsonNode page = api.body(api.get(manager, "/api/v1/risks?limit=500&" + filter + (after == null ? "" : "&after=" + after)),
					HttpStatus.OK);
			total += page.get("items").size();
			after = page.get("next").isNull() ? null : page.get("next").asString();
		}
		while (after != null);
		return total;
	}

	@Test
	void theRegisterIsExportedAndTheTaxonomyIsExtensible() throws Exception {
		api.body(api.post(manager, "/api/v1/risks", RiskFixtures.risk("Export me " + tag, null, "transparency", 2, 3, riskOwner.username())),
				HttpStatus.CREATED);
		var csv = api.get(manager, "/api/v1/risks/export?format=csv&q=" + tag);
		assertThat(csv).hasStatusOk();
		String text = csv.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(text.lines().count()).isEqualTo(2);
		assertThat(text).contains("Export me " + tag, "Transparency", "L2 × I3");
		var xlsx = api.get(manager, "/api/v1/risks/export?format=xlsx&q=" + tag);
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
			assertThat(workbook.getSheetAt(0).getRow(3).getCell(1).getStringCellValue()).isEqualTo("Export me " + tag);
		}
		var pdf = api.get(manager, "/api/v1/risks/export?format=pdf&q=" + tag);
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains("Export me " + tag, "AI risk register");
		}
		api.problem(api.get(manager, "/api/v1/risks/export?format=docx"), HttpStatus.BAD_REQUEST, "format", null);

		String key = "model-theft-" + tag;
		api.body(api.post(manager, "/api/v1/risks/categories", Map.of("key", key, "name", "Model theft " + tag)), HttpStatus.CREATED);
		api.problem(api.post(manager, "/api/v1/risks/categories", Map.of("key", key, "name", "again")), HttpStatus.CONFLICT, null, null);
		api.problem(api.post(manager, "/api/v1/risks/categories", Map.of("key", "Bad Key!", "name", "x")), HttpStatus.BAD_REQUEST, "key", null);
		api.problem(api.post(riskOwner, "/api/v1/risks/categories", Map.of("key", "x-" + tag, "name", "x")), HttpStatus.FORBIDDEN, null, null);
		assertThat(api.body(api.get(riskOwner, "/api/v1/risks/categories"), HttpStatus.OK).toString()).contains(key, "prompt-injection",
				"human-oversight", "third-party");
		api.body(api.post(manager, "/api/v1/risks", RiskFixtures.risk("Stolen weights " + tag, null, key, 2, 5, riskOwner.username())),
				HttpStatus.CREATED);
		api.problem(api.post(users.create(Role.VIEWER), "/api/v1/risks", RiskFixtures.risk("Viewer " + tag, null, "bias", 2, 5,
				riskOwner.username())), HttpStatus.FORBIDDEN, null, null);
	}

	private long count(String filter) {
		long total = 0;
		String after = null;
		do {
			JsonNode page = api.body(api.get(manager, "/api/v1/risks?limit=7&" + filter + (after == null ? "" : "&after=" + after)),
					HttpStatus.OK);
			total += page.get("items").size();
			after = page.get("next") == null || page.get("next").isNull() ? null : page.get("next").asString();
		}
		while (after != null);
		return total;
	}

	private JsonNode soa() {
		JsonNode frameworks = api.body(api.get(manager, "/api/v1/frameworks?limit=500"), HttpStatus.OK).get("items");
		String frameworkId = null;
		for (JsonNode f : frameworks) {
			// The built-in catalog, which bare references such as A.6.2.8 resolve to (an imported library may share its key).
			if (f.get("key").asString().equals("iso42001-2023") && f.get("source").asString().equals("BUILT_IN")) {
				frameworkId = f.get("id").asString();
			}
		}
		for (JsonNode s : api.body(api.get(manager, "/api/v1/soa"), HttpStatus.OK)) {
			if (s.get("frameworkId").asString().equals(frameworkId)) {
				return api.body(api.get(manager, "/api/v1/soa/" + s.get("id").asString()), HttpStatus.OK);
			}
		}
		return api.body(api.post(manager, "/api/v1/soa", Map.of("frameworkId", frameworkId)), HttpStatus.CREATED);
	}

	private static JsonNode entry(JsonNode soa, String ref) {
		for (JsonNode e : soa.get("entries")) {
			if (e.get("refId").asString().equals(ref)) {
				return e;
			}
		}
		throw new AssertionError("no entry " + ref);
	}
}
