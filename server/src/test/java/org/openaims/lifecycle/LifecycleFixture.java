package org.openaims.lifecycle;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openaims.Api;
import org.openaims.TestUsers;
import org.openaims.TestUsers.TestUser;
import org.openaims.identity.Role;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** What the lifecycle tests build on: people, a system, a policy in force, thresholds in force, runs and changes. */
public final class LifecycleFixture {

	/** The gate policy the lifecycle tests expect in force (each that depends on it puts it in force first). */
	public static final String POLICY = """
			description: lifecycle test policy
			tiers:
			  LOW:
			    tests: {failureBudget: 0}
			  HIGH:
			    approvals: {count: 2, roles: [APPROVER]}
			    metrics: {maxAgeDays: 14}
			    tests: {failureBudget: 0}
			    rollbackPlan: {tested: true}
			""";

	public final Api api;

	public final TestUsers users;

	public final MockMvcTester mvc;

	public final TestUser manager;

	public final TestUser secondManager;

	public final TestUser owner;

	public final TestUser contributor;

	public final TestUser approver;

	public final TestUser secondApprover;

	public LifecycleFixture(Api api, TestUsers users, MockMvcTester mvc) {
		this.api = api;
		this.users = users;
		this.mvc = mvc;
		manager = users.create(Role.AIMS_MANAGER);
		secondManager = users.create(Role.AIMS_MANAGER);
		owner = users.create(Role.SYSTEM_OWNER);
		contributor = users.create(Role.CONTRIBUTOR);
		approver = users.create(Role.APPROVER);
		secondApprover = users.create(Role.APPROVER);
	}

	/** A system of {@code tier} owned by {@link #owner}. */
	public String system(String name, String tier) {
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("name", name);
		s.put("description", "Lifecycle test system");
		s.put("intendedPurpose", "Score things for the lifecycle tests");
		s.put("organizationRoles", List.of("PROVIDER"));
		s.put("lifecycleStage", "DEVELOPMENT");
		s.put("riskTier", tier);
		s.put("owner", owner.username());
		return api.body(api.post(manager, "/api/v1/ai-systems", s), HttpStatus.CREATED).get("id").asString();
	}

	/** Saves a gate policy and has it approved by a second manager: it is then in force. */
	public JsonNode policyInForce(String yaml) {
		JsonNode saved = api.body(api.post(manager, "/api/v1/gate-policies", Map.of("source", yaml, "note", "test")), HttpStatus.CREATED);
		approve("gate-policy", saved.get("id").asString(), secondManager);
		return saved;
	}

	/** Saves thresholds for a system and has them approved: they are then in force. */
	public JsonNode thresholdsInForce(String systemId, List<Map<String, Object>> thresholds) {
		JsonNode saved = api.body(api.post(owner, "/api/v1/metric-thresholds",
				Map.of("aiSystemId", systemId, "thresholds", thresholds, "note", "test")), HttpStatus.CREATED);
		approve("metric-thresholds", saved.get("id").asString(), approver);
		return saved;
	}

	public static Map<String, Object> threshold(String metric, String direction, double bound) {
		return Map.of("metric", metric, "direction", direction, "bound", bound);
	}

	/** Decides the pending approval request of an item (APPROVE) by each of {@code by}. */
	public void approve(String itemType, String itemId, TestUser... by) {
		String approval = pending(itemType, itemId);
		for (TestUser u : by) {
			api.body(api.post(u, "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "APPROVE")), HttpStatus.OK);
		}
	}

	public String pending(String itemType, String itemId) {
		JsonNode list = api.body(api.get(manager, "/api/v1/approvals?status=PENDING&itemType=" + itemType + "&itemId=" + itemId), HttpStatus.OK);
		return list.get("items").get(0).get("id").asString();
	}

	/** Pushes a run: JUnit XML reports and an optional metrics JSON. */
	public MvcTestResult push(TestUser who, String systemId, String version, String metricsJson, String... reports) {
		var request = mvc.post().uri("/api/v1/test-runs").header("Authorization", who.bearer()).multipart();
		for (int i = 0; i < reports.length; i++) {
			request.file(new MockMultipartFile("reports", "TEST-" + i + ".xml", "application/xml", reports[i].getBytes(StandardCharsets.UTF_8)));
		}
		if (metricsJson != null) {
			request.file(new MockMultipartFile("metrics", "metrics.json", "application/json", metricsJson.getBytes(StandardCharsets.UTF_8)));
		}
		request.param("aiSystemId", systemId).param("version", version).param("commit", "abc123").param("dataset", "holdout")
			.param("evaluator", "pytest 8.3");
		return request.exchange();
	}

	/** A JUnit report with {@code passing} passing and {@code failing} failing cases. */
	public static String report(int passing, int failing) {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"suite\" tests=\"")
			.append(passing + failing).append("\" failures=\"").append(failing).append("\">\n");
		for (int i = 0; i < passing; i++) {
			xml.append("  <testcase classname=\"t.Model\" name=\"passes ").append(i).append("\" time=\"0.01\"/>\n");
		}
		for (int i = 0; i < failing; i++) {
			xml.append("  <testcase classname=\"t.Model\" name=\"fails ").append(i).append("\" time=\"0.02\"><failure message=\"expected 1 but was ")
				.append(i).append("\">trace</failure></testcase>\n");
		}
		return xml.append("</testsuite>\n").toString();
	}

	public static String metrics(double accuracy, double toxicity) {
		return "[{\"name\": \"accuracy\", \"value\": " + accuracy + ", \"dataset\": \"holdout\"},"
				+ " {\"name\": \"toxicity_rate\", \"value\": " + toxicity + ", \"dataset\": \"holdout\"}]";
	}

	/** The body of an edit of the change opened by {@link #openChange} (1.0 → 2.0): other runs, plan tested or not. */
	public Map<String, Object> openChangeBody(String changeId, String systemId, List<String> runs, boolean tested) {
		JsonNode current = api.body(api.get(manager, "/api/v1/changes/" + changeId), HttpStatus.OK);
		Map<String, Object> plan = new LinkedHashMap<>();
		plan.put("steps", current.get("rollbackPlan").get("steps").asString());
		plan.put("triggerCriteria", current.get("rollbackPlan").get("triggerCriteria").asString());
		plan.put("owner", current.get("rollbackPlan").get("owner").asString());
		plan.put("tested", tested);
		plan.put("testedOn", tested ? LocalDate.now().minusDays(1).toString() : null);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("aiSystemId", systemId);
		body.put("fromVersion", current.get("fromVersion").asString());
		body.put("toVersion", current.get("toVersion").asString());
		body.put("type", current.get("type").asString());
		body.put("title", current.get("title").asString());
		body.put("description", current.get("description").asString());
		body.put("significance", current.get("significance").asString());
		body.put("testRunIds", new ArrayList<>(runs));
		body.put("rollbackPlan", plan);
		body.put("version", current.get("version").asLong());
		return body;
	}

	/** A change body from 1.0 to {@code toVersion} with {@code significance} and an untested plan. */
	public Map<String, Object> openChangeBodyFor(String systemId, String toVersion, String significance) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("aiSystemId", systemId);
		body.put("fromVersion", "1.0");
		body.put("toVersion", toVersion);
		body.put("type", "DATA_CHANGED");
		body.put("title", "Change to " + toVersion);
		body.put("significance", significance);
		body.put("rollbackPlan", Map.of("steps", "redeploy 1.0", "triggerCriteria", "errors", "owner", owner.username(), "tested", false));
		return body;
	}

	/** Opens a change to {@code toVersion} with a rollback plan (tested or not) and the runs given. */
	public JsonNode openChange(TestUser who, String systemId, String fromVersion, String toVersion, boolean tested, List<String> runs) {
		Map<String, Object> plan = new LinkedHashMap<>();
		plan.put("steps", "Redeploy " + fromVersion + " with the pipeline's rollback job");
		plan.put("triggerCriteria", "accuracy below 0.9 in production for an hour");
		plan.put("owner", owner.username());
		plan.put("tested", tested);
		plan.put("testedOn", tested ? LocalDate.now().minusDays(1).toString() : null);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("aiSystemId", systemId);
		body.put("fromVersion", fromVersion);
		body.put("toVersion", toVersion);
		body.put("type", "MODEL_RETRAINED");
		body.put("title", "Retrain on November data");
		body.put("description", "Retrained with 40,000 more labelled cases");
		body.put("significance", "SIGNIFICANT");
		body.put("testRunIds", new ArrayList<>(runs));
		body.put("rollbackPlan", plan);
		return api.body(api.post(who, "/api/v1/changes", body), HttpStatus.CREATED);
	}

	public static String id(JsonNode node) {
		return node.get("id").asString();
	}

	public static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}
}
