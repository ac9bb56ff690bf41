package org.openaims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openaims.cli.Aims;
import org.openaims.cli.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The release gate end to end, as a CI pipeline meets it: the {@code aims} CLI against the packaged
 * jar. A failing metric makes the gate deny, naming the metric; after a passing run and approvals by
 * two others, with a tested rollback plan, it allows; the deployment is recorded with that decision and
 * a rollback after it; the ledger holds every step; the decision's signed statement verifies offline
 * and fails after one changed byte.
 */
class ReleaseGateIntegrationTests {

	static final String ADMIN_TOKEN = "integration-gate-token-0001";

	static final JsonMapper JSON = JsonMapper.builder().build();

	static RunningJar server;

	@BeforeAll
	static void start() throws Exception {
		server = RunningJar.start(Map.of("AIMS_BOOTSTRAP_ADMIN_TOKEN", ADMIN_TOKEN, "AIMS_SINGLE_ADMIN_MODE", "true"));
	}

	@AfterAll
	static void stop() throws Exception {
		server.close();
	}

	@Test
	void aPipelineIsDeniedOnAFailingMetricThenAllowedDeploysAndRollsBack() throws Exception {
		String manager = user("gate-manager", "AIMS_MANAGER");
		String secondManager = user("gate-manager-2", "AIMS_MANAGER");
		String owner = user("gate-owner", "SYSTEM_OWNER");
		String approver = user("gate-approver", "APPROVER");
		String secondApprover = user("gate-approver-2", "APPROVER");
		String pipeline = user("gate-pipeline", "CONTRIBUTOR");

		// Saved by one manager, approved by another: an account the administrator created never approves the administrator's work.
		JsonNode policy = call("POST", "/api/v1/gate-policies", manager, Map.of("source", """
				tiers:
				  HIGH:
				    approvals: {count: 2, roles: [APPROVER]}
				    metrics: {maxAgeDays: 7}
				    tests: {failureBudget: 0}
				    rollbackPlan: {tested: true}
				"""));
		approve("gate-policy", policy.get("id").asString(), secondManager);
		String system = call("POST", "/api/v1/ai-systems", ADMIN_TOKEN, Map.of("name", "Gatekeeper", "intendedPurpose", "Rank loan applications",
				"organizationRoles", List.of("PROVIDER"), "lifecycleStage", "DEVELOPMENT", "riskTier", "HIGH", "owner", "gate-owner"))
			.get("id").asString();
		JsonNode thresholds = call("POST", "/api/v1/metric-thresholds", owner, Map.of("aiSystemId", system, "thresholds", List.of(
				Map.of("metric", "accuracy", "direction", "AT_LEAST", "bound", 0.92),
				Map.of("metric", "demographic_parity_difference", "direction", "AT_MOST", "bound", 0.05))));
		approve("metric-thresholds", thresholds.get("id").asString(), approver);

		Path dir = Files.createTempDirectory("aims-gate");
		Path report = dir.resolve("TEST-model.xml");
		Files.writeString(report, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"model\" tests=\"3\" failures=\"0\">"
				+ "<testcase classname=\"m\" name=\"loads\" time=\"0.1\"/><testcase classname=\"m\" name=\"scores\" time=\"0.2\"/>"
				+ "<testcase classname=\"m\" name=\"explains\" time=\"0.3\"/></testsuite>\n");
		Path bad = dir.resolve("metrics-bad.json");
		Files.writeString(bad, "[{\"name\": \"accuracy\", \"value\": 0.89, \"dataset\": \"holdout-2026-11\"},"
				+ " {\"name\": \"demographic_parity_difference\", \"value\": 0.03, \"dataset\": \"holdout-2026-11\"}]");
		Path good = dir.resolve("metrics-good.json");
		Files.writeString(good, "[{\"name\": \"accuracy\", \"value\": 0.94, \"dataset\": \"holdout-2026-11\"},"
				+ " {\"name\": \"demographic_parity_difference\", \"value\": 0.02, \"dataset\": \"holdout-2026-11\"}]");

		String[] pushed = cli(pipeline, "test-runs", "push", "--system", "Gatekeeper", "--version", "2.0", "--metrics", bad.toString(),
				"--commit", "9f1c2ab", "--dataset", "holdout-2026-11", "--evaluator", "pytest 8.3", report.toString());
		assertThat(pushed[0]).as(pushed[2]).isEqualTo("0");
		assertThat(pushed[1]).contains("3 tests, 3 passed, 0 failed").contains("metric accuracy = 0.89");

		String[] opened = cli(pipeline, "changes", "open", "--system", "Gatekeeper", "--from", "1.0", "--to", "2.0", "--type", "MODEL_RETRAINED",
				"--title", "Retrain on November data", "--rollback-steps", "Run the rollback job to 1.0", "--rollback-triggers",
				"accuracy under 0.9 for an hour", "--rollback-owner", "gate-owner", "--rollback-tested-on", LocalDate.now().minusDays(2).toString(),
				"--submit");
		assertThat(opened[0]).as(opened[2]).isEqualTo("0");
		String change = opened[1].strip();

		String[] denied = cli(pipeline, "gate", "--change", change);
		assertThat(denied[0]).as(denied[2]).isEqualTo("1");
		assertThat(denied[1]).startsWith("DENY").containsPattern("FAIL metrics .*accuracy 0\\.89 fails accuracy ≥ 0\\.92");
		assertThat(denied[1]).containsPattern("pass tests").containsPattern("pass rollbackPlan");

		String[] pushedGood = cli(pipeline, "test-runs", "push", "--system", "Gatekeeper", "--version", "2.0", "--metrics", good.toString(),
				"--commit", "9f1c2ac", report.toString());
		assertThat(pushedGood[0]).as(pushedGood[2]).isEqualTo("0");
		approve("change", change, approver, secondApprover);
		Path statement = dir.resolve("decision.dsse.json");
		String[] allowed = cli(pipeline, "gate", "--change", change, "--statement", statement.toString());
		assertThat(allowed[0]).as(allowed[1] + allowed[2]).isEqualTo("0");
		assertThat(allowed[1]).startsWith("ALLOW").doesNotContain("FAIL");
		Matcher m = Pattern.compile("decision ([0-9a-f-]{36}) recorded").matcher(allowed[1]);
		assertThat(m.find()).isTrue();
		String decision = m.group(1);

		String keyId = call("GET", "/api/v1/ledger/public-key", ADMIN_TOKEN, null).get("keyId").asString();
		String[] verified = cli(pipeline, "verify", "--key-id", keyId, statement.toString());
		assertThat(verified[0]).as(verified[1] + verified[2]).isEqualTo("0");
		assertThat(verified[1]).contains("VALID: signed statement");
		byte[] bytes = Files.readAllBytes(statement);
		String text = new String(bytes, StandardCharsets.UTF_8);
		int at = text.indexOf("\"payload\" : \"") + 40; // a byte of the signed statement
		bytes[at] = (byte) (bytes[at] == 'Q' ? 'R' : 'Q');
		Path tampered = dir.resolve("tampered.dsse.json");
		Files.write(tampered, bytes);
		String[] refused = cli(pipeline, "verify", "--key-id", keyId, tampered.toString());
		assertThat(refused[0]).as(refused[1] + refused[2]).isEqualTo("1");
		assertThat(refused[1]).contains("NOT VALID");

		String[] deployed = cli(pipeline, "deployments", "record", "--system", "Gatekeeper", "--version", "2.0", "--environment", "production",
				"--change", change, "--decision", decision);
		assertThat(deployed[0]).as(deployed[2]).isEqualTo("0");
		assertThat(deployed[1]).contains("recorded deployment").doesNotContain("WITHOUT");
		String[] rolledBack = cli(pipeline, "deployments", "rollback", "--change", change, "--environment", "production", "--reason",
				"accuracy dropped to 0.88 in production");
		assertThat(rolledBack[0]).as(rolledBack[2]).isEqualTo("0");
		assertThat(rolledBack[1]).contains("back to 1.0 in production");

		JsonNode timeline = call("GET", "/api/v1/deployments/timeline?aiSystem=" + system, ADMIN_TOKEN, null);
		assertThat(timeline.get("periods")).extracting(p -> p.get("version").asString()).containsExactly("2.0", "1.0");
		// The ledger holds each step: the entries of this change, of its two runs and of its two deployments (the jar's demo
		// organization has lifecycle records of its own, so entries are picked by subject).
		List<String> subjects = new java.util.ArrayList<>(List.of(change));
		subjects.addAll(ids("recorded test run ([0-9a-f-]{36})", pushed[1], pushedGood[1]));
		subjects.addAll(ids("recorded (?:deployment|rollback) ([0-9a-f-]{36})", deployed[1], rolledBack[1]));
		assertThat(subjects).hasSize(5);
		List<String> steps = new java.util.ArrayList<>();
		for (String subject : subjects) {
			JsonNode entries = call("GET", "/api/v1/ledger/entries?limit=500&subjectId=" + subject, ADMIN_TOKEN, null);
			entries.get("items").forEach(e -> steps.add(e.get("type").asString()));
		}
		assertThat(steps).contains("TestRunRecorded", "ChangeOpened", "ChangeSubmitted", "ChangeApproved", "GateDecided", "ChangeUpdated",
				"DeploymentRecorded");
		assertThat(steps.stream().filter("GateDecided"::equals).count()).isEqualTo(2);
		assertThat(steps.stream().filter("TestRunRecorded"::equals).count()).isEqualTo(2);
		assertThat(steps.stream().filter("DeploymentRecorded"::equals).count()).isEqualTo(2);
	}

	private static List<String> ids(String pattern, String... outputs) {
		List<String> found = new java.util.ArrayList<>();
		for (String output : outputs) {
			Matcher m = Pattern.compile(pattern).matcher(output);
			while (m.find()) {
				found.add(m.group(1));
			}
		}
		return found;
	}

	/** A user with one role and an API token: returns the token. */
	private static String user(String name, String role) throws Exception {
		String password = "violet-harbour-lantern-" + name.length() + "-77";
		call("POST", "/api/v1/users", ADMIN_TOKEN, Map.of("username", name, "password", password, "roles", List.of(role)));
		return call("POST", "/api/v1/auth/token", null, Map.of("username", name, "password", password)).get("secret").asString();
	}

	private static void approve(String itemType, String itemId, String... tokens) throws Exception {
		String approval = call("GET", "/api/v1/approvals?status=PENDING&itemType=" + itemType + "&itemId=" + itemId, ADMIN_TOKEN, null)
			.get("items").get(0).get("id").asString();
		for (String token : tokens) {
			call("POST", "/api/v1/approvals/" + approval + "/decisions", token, Map.of("decision", "APPROVE"));
		}
	}

	private static JsonNode call(String method, String path, String token, Object body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path))).header("Content-Type", "application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(300);
		return JSON.readTree(response.body());
	}

	/** Runs {@code aims} against the jar with a token: exit code, output, errors. */
	private static String[] cli(String token, String... args) throws Exception {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		Environment environment = new Environment(Map.of("AIMS_SERVER", server.url(""), "AIMS_TOKEN", token),
				Files.createTempDirectory("aims-home"), new BufferedReader(new StringReader("")));
		int code = Aims.run(new PrintWriter(out, true), new PrintWriter(err, true), environment, args);
		System.out.println("[cli] " + String.join(" ", args) + " -> " + code + ":\n" + out.toString().strip() + "\n" + err.toString().strip());
		return new String[] { String.valueOf(code), out.toString(), err.toString() };
	}
}
