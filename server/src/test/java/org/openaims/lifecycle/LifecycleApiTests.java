package org.openaims.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openaims.lifecycle.LifecycleFixture.id;
import static org.openaims.lifecycle.LifecycleFixture.metrics;
import static org.openaims.lifecycle.LifecycleFixture.report;
import static org.openaims.lifecycle.LifecycleFixture.threshold;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openaims.AimsTest;
import org.openaims.Api;
import org.openaims.TestUsers;
import org.openaims.ledger.LedgerTestSupport;
import org.openaims.ledger.format.SignedStatement;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Lifecycle controls through the REST API: test runs, thresholds, a change with its rollback plan,
 * the gate's decisions (denied naming the failing metric, then allowed), the signed statement verified
 * offline, deployments with and without an allow, a rollback and the timeline, and what the ledger holds.
 */
@AimsTest
class LifecycleApiTests {

	static final String POLICY = LifecycleFixture.POLICY;

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	LifecycleFixture f;

	@BeforeEach
	void setUp() {
		f = new LifecycleFixture(api, users, mvc);
	}

	@Test
	void aFailingMetricDeniesNamingItAndApprovalsByOthersWithATestedPlanAllow() throws Exception {
		f.policyInForce(POLICY);
		String system = f.system("Scorer " + LifecycleFixture.unique(), "HIGH");
		f.thresholdsInForce(system, List.of(threshold("accuracy", "AT_LEAST", 0.92), threshold("toxicity_rate", "AT_MOST", 0.01)));

		JsonNode run1 = api.body(f.push(f.contributor, system, "2.0", metrics(0.90, 0.005), report(5, 0)), HttpStatus.CREATED);
		assertThat(run1.get("summary").get("tests").asInt()).isEqualTo(5);
		JsonNode change = f.openChange(f.contributor, system, "1.0", "2.0", false, List.of(id(run1)));
		String changeId = id(change);

		JsonNode denied = api.body(api.post(f.contributor, "/api/v1/changes/" + changeId + "/gate", Map.of()), HttpStatus.CREATED);
		assertThat(denied.get("verdict").asString()).isEqualTo("DENY");
		assertThat(rule(denied, "metrics").get("pass").asBoolean()).isFalse();
		assertThat(rule(denied, "metrics").get("found").asString()).contains("accuracy 0.9 fails accuracy ≥ 0.92");
		assertThat(rule(denied, "tests").get("pass").asBoolean()).isTrue();
		assertThat(rule(denied, "rollbackPlan").get("pass").asBoolean()).isFalse();
		assertThat(rule(denied, "approvals").get("found").asString()).contains("not submitted");

		JsonNode run2 = api.body(f.push(f.contributor, system, "2.0", metrics(0.95, 0.004), report(6, 0)), HttpStatus.CREATED);
		Map<String, Object> edited = f.openChangeBody(changeId, system, List.of(id(run2)), true);
		JsonNode changed = api.body(api.put(f.contributor, "/api/v1/changes/" + changeId, edited), HttpStatus.OK);
		assertThat(changed.get("rollbackPlan").get("tested").asBoolean()).isTrue();
		api.body(api.post(f.contributor, "/api/v1/changes/" + changeId + "/submit", Map.of()), HttpStatus.OK);
		f.approve("change", changeId, f.approver, f.secondApprover);

		JsonNode allowed = api.body(api.post(f.contributor, "/api/v1/changes/" + changeId + "/gate", Map.of()), HttpStatus.CREATED);
		assertThat(allowed.get("verdict").asString()).as(allowed.toString()).isEqualTo("ALLOW");
		assertThat(allowed.get("rules")).allSatisfy(r -> assertThat(r.get("pass").asBoolean()).isTrue());
		assertThat(allowed.get("statementDigest").asString()).hasSize(64);

		// the signed statement verifies offline, and fails after one changed byte
		String keyId = api.body(api.get(f.manager, "/api/v1/ledger/public-key"), HttpStatus.OK).get("keyId").asString();
		MvcTestResult download = api.get(f.contributor, "/api/v1/gate-decisions/" + id(allowed) + "/statement");
		assertThat(download).hasStatusOk();
		assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
		String bundle = download.getResponse().getContentAsString(StandardCharsets.UTF_8);
		SignedStatement.Result verified = SignedStatement.verify(bundle, keyId);
		assertThat(verified.problems()).isEmpty();
		assertThat(verified.statement()).contains("\"verdict\":\"ALLOW\"").contains(GateService.PREDICATE_TYPE);
		byte[] bytes = bundle.getBytes(StandardCharsets.UTF_8);
		int at = bundle.indexOf("\"payload\" : \"") + 20;
		bytes[at] = (byte) (bytes[at] == 'A' ? 'B' : 'A');
		assertThat(SignedStatement.verify(new String(bytes, StandardCharsets.UTF_8), keyId).valid()).isFalse();
		assertThat(SignedStatement.verify(bundle, "0".repeat(16)).valid()).isFalse();

		// deployed with the allow, rolled back, deployed again without one
		JsonNode deployed = api.body(api.post(f.contributor, "/api/v1/deployments", Map.of("aiSystemId", system, "version", "2.0", "environment",
				"production", "gateDecisionId", id(allowed))), HttpStatus.CREATED);
		assertThat(deployed.get("gateVerdict").asString()).isEqualTo("ALLOW");
		assertThat(deployed.get("withoutAllow").asBoolean()).isFalse();
		assertThat(api.body(api.get(f.manager, "/api/v1/changes/" + changeId), HttpStatus.OK).get("status").asString()).isEqualTo("DEPLOYED");
		JsonNode rollback = api.body(api.post(f.contributor, "/api/v1/deployments/rollbacks", Map.of("changeId", changeId, "environment",
				"production", "reason", "accuracy dropped to 0.88 in production")), HttpStatus.CREATED);
		assertThat(rollback.get("kind").asString()).isEqualTo("ROLLBACK");
		assertThat(rollback.get("version").asString()).isEqualTo("1.0");
		assertThat(rollback.get("rollbackOf").asString()).isEqualTo(id(deployed));
		JsonNode unguarded = api.body(api.post(f.contributor, "/api/v1/deployments", Map.of("aiSystemId", system, "version", "2.0",
				"environment", "production", "gateDecisionId", id(denied))), HttpStatus.CREATED);
		assertThat(unguarded.get("withoutAllow").asBoolean()).isTrue();

		String deploymentsCsv = api.csv(api.get(f.manager, "/api/v1/deployments/export?aiSystem=" + system));
		assertThat(deploymentsCsv.lines().count()).isEqualTo(4);
		assertThat(deploymentsCsv).contains(id(unguarded) + ",").contains(",ROLLBACK,");
		assertThat(api.csv(api.get(f.manager, "/api/v1/changes/export?aiSystem=" + system))).contains(changeId).contains(",DEPLOYED,")
			.contains(",ALLOW,");
		JsonNode timeline = api.body(api.get(f.manager, "/api/v1/deployments/timeline?aiSystem=" + system), HttpStatus.OK);
		assertThat(timeline.get("periods")).extracting(p -> p.get("version").asString()).containsExactly("2.0", "1.0", "2.0");
		assertThat(timeline.get("periods").get(0).get("until").isNull()).isFalse();
		assertThat(timeline.get("periods").get(2).get("until").isNull()).isTrue();

		LedgerTestSupport.awaitRecorded(jdbc);
		List<String> changeEvents = jdbc.sql("SELECT event_type FROM ledger_entries WHERE subject_id = :id ORDER BY seq").param("id", changeId)
			.query(String.class).list();
		assertThat(changeEvents).contains("ChangeOpened", "ChangeUpdated", "ChangeSubmitted", "ChangeApproved", "GateDecided");
		assertThat(count("TestRunRecorded", id(run1))).isEqualTo(1);
		assertThat(count("DeploymentRecorded", id(deployed))).isEqualTo(1);
		assertThat(count("DeploymentRecorded", id(rollback))).isEqualTo(1);
		assertThat(count("DeployedWithoutAllow", id(unguarded))).isEqualTo(1);
		assertThat(count("DeployedWithoutAllow", id(deployed))).isZero();
	}

	@Test
	void onlyASignificantChangeFlagsTheSystemsRisks() {
		org.openaims.risk.RiskFixtures.inForce(api, users);
		String system = f.system("Significance " + LifecycleFixture.unique(), "LOW");
		String risk = id(api.body(api.post(f.manager, "/api/v1/risks", org.openaims.risk.RiskFixtures.risk("Drift", system, "bias", 2, 3,
				f.manager.username())), HttpStatus.CREATED));
		Map<String, Object> minor = new java.util.HashMap<>(f.openChangeBodyFor(system, "1.1", "MINOR"));
		api.body(api.post(f.contributor, "/api/v1/changes", minor), HttpStatus.CREATED);
		LedgerTestSupport.awaitRecorded(jdbc);
		JsonNode afterMinor = api.body(api.get(f.manager, "/api/v1/risks/" + risk), HttpStatus.OK);
		assertThat(afterMinor.get("reassessmentDue").asBoolean()).as(afterMinor.toString()).isFalse();
		JsonNode versions = api.body(api.get(f.manager, "/api/v1/ai-systems/" + system), HttpStatus.OK).get("versions");
		assertThat(versions.get(0).get("label").asString()).isEqualTo("1.1");
		assertThat(versions.get(0).get("significance").asString()).isEqualTo("MINOR");

		api.body(api.post(f.contributor, "/api/v1/changes", f.openChangeBodyFor(system, "2.0", "SIGNIFICANT")), HttpStatus.CREATED);
		LedgerTestSupport.awaitRecorded(jdbc);
		JsonNode afterSignificant = api.body(api.get(f.manager, "/api/v1/risks/" + risk), HttpStatus.OK);
		assertThat(afterSignificant.get("reassessmentDue").asBoolean()).isTrue();
		assertThat(afterSignificant.get("reassessmentReason").asString()).contains("version 2.0");
	}

	@Test
	void badInputToChangesThresholdsAndDeploymentsIsRefusedNamingTheField() {
		String system = f.system("Bad input " + LifecycleFixture.unique(), "LOW");
		Map<String, Object> same = new java.util.HashMap<>(f.openChangeBodyFor(system, "1.0", "MINOR"));
		api.problem(api.post(f.contributor, "/api/v1/changes", same), HttpStatus.BAD_REQUEST, "toVersion", "must differ");
		Map<String, Object> nobody = new java.util.HashMap<>(f.openChangeBodyFor(system, "1.1", "MINOR"));
		nobody.put("rollbackPlan", Map.of("steps", "s", "triggerCriteria", "t", "owner", "nobody-" + LifecycleFixture.unique(), "tested", true));
		JsonNode refused = api.problem(api.post(f.contributor, "/api/v1/changes", nobody), HttpStatus.BAD_REQUEST, "rollbackPlan.owner",
				"no active user");
		assertThat(refused.toString()).contains("rollbackPlan.testedOn");
		Map<String, Object> unknownRun = new java.util.HashMap<>(f.openChangeBodyFor(system, "1.2", "MINOR"));
		unknownRun.put("testRunIds", List.of(java.util.UUID.randomUUID().toString()));
		api.problem(api.post(f.contributor, "/api/v1/changes", unknownRun), HttpStatus.BAD_REQUEST, "testRunIds", "no test run has id");
		api.problem(api.post(f.contributor, "/api/v1/changes", Map.of("aiSystemId", system, "toVersion", "2.0", "type", "SOMETHING")),
				HttpStatus.BAD_REQUEST, null, null);

		String change = id(api.body(api.post(f.contributor, "/api/v1/changes", f.openChangeBodyFor(system, "1.3", "MINOR")), HttpStatus.CREATED));
		Map<String, Object> moved = new java.util.HashMap<>(f.openChangeBodyFor(system, "9.9", "MINOR"));
		api.problem(api.put(f.contributor, "/api/v1/changes/" + change, moved), HttpStatus.CONFLICT, null, "stay as opened");
		api.problem(api.post(f.contributor, "/api/v1/changes/" + change + "/cancel", Map.of("reason", " ")), HttpStatus.BAD_REQUEST, "reason", null);

		api.problem(api.post(f.owner, "/api/v1/metric-thresholds", Map.of("aiSystemId", system, "thresholds", List.of(
				threshold("accuracy", "AT_LEAST", 0.9), threshold("accuracy", "AT_LEAST", 0.8)))), HttpStatus.BAD_REQUEST, "thresholds[1]", "repeats");
		api.problem(api.post(f.owner, "/api/v1/metric-thresholds", Map.of("aiSystemId", system, "thresholds", List.of())),
				HttpStatus.BAD_REQUEST, "thresholds", null);
		api.problem(api.get(f.owner, "/api/v1/metric-trends?aiSystem=" + system + "&runs=0"), HttpStatus.BAD_REQUEST, "runs", null);

		String decision = id(api.body(api.post(f.contributor, "/api/v1/changes/" + change + "/gate", Map.of()), HttpStatus.CREATED));
		api.problem(api.post(f.contributor, "/api/v1/deployments", Map.of("aiSystemId", system, "version", "7.0", "environment", "production",
				"gateDecisionId", decision)), HttpStatus.BAD_REQUEST, "gateDecisionId", "is about version 1.3");
		api.problem(api.post(f.contributor, "/api/v1/deployments", Map.of("aiSystemId", system, "version", "1.3", "environment", "prod/../x")),
				HttpStatus.BAD_REQUEST, "environment", null);
		api.problem(api.post(f.contributor, "/api/v1/deployments", Map.of("aiSystemId", system, "version", "1.3", "environment", "production",
				"deployedAt", java.time.Instant.now().plusSeconds(86_400).toString())), HttpStatus.BAD_REQUEST, "deployedAt", "future");
		api.problem(api.post(f.contributor, "/api/v1/deployments/rollbacks", Map.of("changeId", change, "environment", "production", "reason",
				"broken")), HttpStatus.CONFLICT, null, "nothing was deployed there");
		api.problem(api.get(f.contributor, "/api/v1/gate-decisions/not-an-id"), HttpStatus.BAD_REQUEST, null, null);
		assertThat(api.get(f.contributor, "/api/v1/gate-decisions/" + java.util.UUID.randomUUID()).getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void aChangeIsNeverApprovedByItsAuthor() {
		f.policyInForce(POLICY);
		String system = f.system("Author test " + LifecycleFixture.unique(), "LOW");
		JsonNode change = f.openChange(f.manager, system, "1.0", "1.1", false, List.of());
		api.body(api.post(f.manager, "/api/v1/changes/" + id(change) + "/submit", Map.of()), HttpStatus.OK);
		String approval = f.pending("change", id(change));
		assertThat(api.post(f.manager, "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "APPROVE")).getResponse().getStatus())
			.isIn(403, 409);
		api.body(api.post(f.secondManager, "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "APPROVE")), HttpStatus.OK);
	}

	@Test
	void hostileAndBrokenReportsAreRefusedAndNothingIsKept() {
		String system = f.system("Hostile " + LifecycleFixture.unique(), "LOW");
		long before = jdbc.sql("SELECT COUNT(*) FROM test_runs").query(Long.class).single();
		long evidenceBefore = jdbc.sql("SELECT COUNT(*) FROM evidence_items").query(Long.class).single();
		String xxe = "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><testsuite name=\"&x;\"/>";
		api.problem(f.push(f.contributor, system, "1.0", null, report(2, 0), xxe), HttpStatus.BAD_REQUEST, "reports", "DOCTYPE");
		api.problem(f.push(f.contributor, system, "1.0", null, "not xml at all"), HttpStatus.BAD_REQUEST, "reports", "not well-formed");
		api.problem(f.push(f.contributor, system, "1.0", "[{\"name\": 1}]", report(1, 0)), HttpStatus.BAD_REQUEST, "metrics[0].name", null);
		api.problem(f.push(f.contributor, system, "1.0", null), HttpStatus.BAD_REQUEST, "reports", "at least one");
		api.problem(f.push(f.contributor, java.util.UUID.randomUUID().toString(), "1.0", null, report(1, 0)), HttpStatus.BAD_REQUEST, "aiSystemId",
				null);
		api.problem(f.push(f.approver, system, "1.0", null, report(1, 0)), HttpStatus.FORBIDDEN, null, null);
		byte[] big = new byte[50 * 1024 * 1024];
		Arrays.fill(big, (byte) ' ');
		MvcTestResult tooBig = mvc.post().uri("/api/v1/test-runs").header("Authorization", f.contributor.bearer()).multipart()
			.file(new MockMultipartFile("reports", "big.xml", "application/xml", big)).param("aiSystemId", system).param("version", "1.0").exchange();
		api.problem(tooBig, HttpStatus.BAD_REQUEST, "reports", "larger than 20 MB");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM test_runs").query(Long.class).single()).isEqualTo(before);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM evidence_items").query(Long.class).single()).isEqualTo(evidenceBefore);
	}

	@Test
	void aRunKeepsItsFilesAsEvidenceAndPagesItsFailures() {
		String system = f.system("Runs " + LifecycleFixture.unique(), "LOW");
		JsonNode run = api.body(f.push(f.contributor, system, "3.1", metrics(0.9, 0.02), report(3, 30), report(1, 1)), HttpStatus.CREATED);
		assertThat(run.get("summary").get("tests").asInt()).isEqualTo(35);
		assertThat(run.get("summary").get("failures").asInt()).isEqualTo(31);
		assertThat(run.get("failedCount").asInt()).isEqualTo(31);
		assertThat(run.get("failures")).hasSize(20);
		assertThat(run.get("files")).hasSize(3);
		assertThat(run.get("metrics")).hasSize(2);
		String evidence = run.get("files").get(0).get("evidenceId").asString();
		JsonNode item = api.body(api.get(f.manager, "/api/v1/evidence/" + evidence), HttpStatus.OK);
		assertThat(item.get("kind").asString()).isEqualTo("FILE");
		List<String> names = new ArrayList<>();
		String after = null;
		do {
			JsonNode page = api.body(api.get(f.manager, "/api/v1/test-runs/" + id(run) + "/failures?limit=7" + (after == null ? "" : "&after=" + after)),
					HttpStatus.OK);
			page.get("items").forEach(c -> names.add(c.get("name").asString()));
			after = page.get("next").isNull() ? null : page.get("next").asString();
		}
		while (after != null);
		// names are free text: the second report has a "fails 0" too
		assertThat(names).hasSize(31).contains("fails 29").filteredOn("fails 0"::equals).hasSize(2);
		api.problem(api.get(f.manager, "/api/v1/test-runs/" + id(run) + "/failures?after=x"), HttpStatus.BAD_REQUEST, "after", null);
		JsonNode list = api.body(api.get(f.manager, "/api/v1/test-runs?aiSystem=" + system + "&passing=false"), HttpStatus.OK);
		assertThat(list.get("items")).extracting(LifecycleFixture::id).containsExactly(id(run));
		String csv = api.csv(api.get(f.manager, "/api/v1/test-runs/export?aiSystem=" + system));
		assertThat(csv.lines().count()).isEqualTo(2);
		assertThat(csv).contains(id(run)).contains(",3.1,35,4,31,0,0,0,").contains("accuracy=0.9");
		assertThat(api.get(f.manager, "/api/v1/test-runs/export?format=docx").getResponse().getStatus()).isBetween(400, 499);
	}

	@Test
	void aGatePolicyWithAnUnknownRuleOrABadValueIsRefusedNamingItsLine() {
		api.problem(api.post(f.manager, "/api/v1/gate-policies", Map.of("source", "tiers:\n  HIGH:\n    approvals: {count: 2}\n    aprovals: {}\n")),
				HttpStatus.BAD_REQUEST, "source", "line 4: unknown rule 'aprovals'");
		api.problem(api.post(f.manager, "/api/v1/gate-policies", Map.of("source", "tiers:\n  HIGH:\n    approvals: {count: many}\n")),
				HttpStatus.BAD_REQUEST, "source", "line 3: approvals: count must be a whole number");
		api.problem(api.post(f.manager, "/api/v1/gate-policies", Map.of("source", "tiers:\n  HIHG: {}\n")), HttpStatus.BAD_REQUEST, "source",
				"line 2: unknown risk tier 'HIHG'");
		api.problem(api.post(f.manager, "/api/v1/gate-policies", Map.of("source", "tiers: [a, b\n")), HttpStatus.BAD_REQUEST, "source",
				"not valid YAML");
		api.problem(api.post(f.manager, "/api/v1/gate-policies", Map.of("source", "a: &x [1]\nb: *x\n")), HttpStatus.BAD_REQUEST, "source", null);
		api.problem(api.post(f.owner, "/api/v1/gate-policies", Map.of("source", POLICY)), HttpStatus.FORBIDDEN, null, null);
		JsonNode checked = api.body(api.post(f.owner, "/api/v1/gate-policies/check", Map.of("source", GatePolicyService.EXAMPLE)), HttpStatus.OK);
		assertThat(checked.get("valid").asBoolean()).isTrue();
	}

	private long count(String type, String subjectId) {
		return jdbc.sql("SELECT COUNT(*) FROM ledger_entries WHERE event_type = :type AND subject_id = :id").param("type", type)
			.param("id", subjectId).query(Long.class).single();
	}

	static JsonNode rule(JsonNode decision, String name) {
		for (JsonNode r : decision.get("rules")) {
			if (r.get("rule").asString().equals(name)) {
				return r;
			}
		}
		throw new AssertionError("no rule " + name + " in " + decision);
	}
}
