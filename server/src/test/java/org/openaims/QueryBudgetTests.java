package org.openaims;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

import net.ttddyy.dsproxy.QueryCountHolder;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openaims.TestUsers.TestUser;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.identity.SecurityLog;
import org.openaims.ledger.LedgerTestSupport;
import org.openaims.risk.RiskFixtures;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Counts the SQL statements of every list request of the API — every GET operation of
 * {@code /v3/api-docs} that answers a page or an array — authentication by API token included, on
 * data seeded with more than two full pages of rows that each have children, so a query per row
 * cannot hide. Paged lists are read at their first page, at the next and with a page holding every
 * row: the count must stay within {@value #BUDGET} whatever the page size. An operation this test
 * does not know how to reach fails the build, so lists added later are counted too.
 */
@SpringBootTest(properties = { "aims.test.context=query-budget", "aims.ledger.auto-checkpoint=false" })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(QueryBudgetTests.CountingDataSource.class)
class QueryBudgetTests {

	/** Statements a list request may take, authentication included. */
	static final int BUDGET = 10;

	/** Rows seeded per list: more than two pages of {@value #PAGE}. */
	static final int ROWS = 55;

	static final int PAGE = 25;

	static final String COUNTER = "aims-counted";

	@TestConfiguration
	static class CountingDataSource {

		@Bean
		static BeanPostProcessor countingDataSourcePostProcessor() {
			return DataSourceWrapping.of(dataSource -> {
				ProxyDataSourceBuilder builder = ProxyDataSourceBuilder.create(dataSource).name(COUNTER).countQuery();
				if (Boolean.getBoolean("aims.test.logSql")) { // -Daims.test.logSql=true shows each statement
					builder.logQueryBySlf4j(net.ttddyy.dsproxy.listener.logging.SLF4JLogLevel.INFO, "aims.sql");
				}
				return builder.build();
			});
		}
	}

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SecurityLog securityLog;

	@Autowired
	org.openaims.identity.internal.SignInThrottle throttle;

	@Autowired
	org.openaims.ledger.internal.Checkpointer checkpointer;

	TestUser admin;

	TestUser approver;

	TestUser manager;

	String builtIn;

	String system;

	String vendor;

	String raciSystem;

	String policy;

	String risk;

	String criteria;

	String objective;

	String concern;

	String assessment;

	String evidence;

	String competence;

	String soa;

	String requirement;

	String testRun;

	String failingRun;

	String change;

	String deployment;

	String incident;

	/** The system every seeded event belongs to (the events list is read per system). */
	String monitoredSystem;

	String monitoringRule;

	String thresholds;

	String gatePolicy;

	String contextEntry;

	String programme;

	String audit;

	String nonconformity;

	String review;

	int sequence;

	/** How each list operation is reached: a URI with its path filled in; paged lists are also read page by page. */
	record Reach(Supplier<String> uri, boolean paged, Supplier<TestUser> as) {
	}

	final Map<String, Reach> reaches = new LinkedHashMap<>();

	@BeforeAll
	void seed() {
		admin = users.create(Role.ADMIN);
		approver = users.create(Role.APPROVER);
		manager = users.create(Role.AIMS_MANAGER);
		TestUser riskOwner = users.create(Role.RISK_OWNER);
		builtIn = api.body(api.get(admin, "/api/v1/frameworks"), HttpStatus.OK).get("items").get(0).get("id").asString();
		criteria = RiskFixtures.inForce(api, users);
		for (int i = 0; i < ROWS; i++) {
			String v = api.body(api.post(admin, "/api/v1/vendors", Map.of("name", "Vendor " + next(), "dueDiligenceStatus",
					"IN_PROGRESS")), HttpStatus.CREATED).get("id").asString();
			vendor = v;
			Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "System " + next(), "intendedPurpose", "Screen applications",
					"organizationRoles", List.of("DEPLOYER", "DEVELOPER"), "lifecycleStage", "OPERATING", "riskTier", "HIGH", "owner",
					manager.username()));
			body.put("vendorId", v);
			body.put("inScope", true);
			system = api.body(api.post(manager, "/api/v1/ai-systems", body), HttpStatus.CREATED).get("id").asString();
			if (i % 2 == 0) { // the others are gaps
				api.body(api.put(manager, "/api/v1/responsibilities/AI_SYSTEM/" + system, Map.of("assignments", List.of(
						Map.of("letter", "A", "assigneeType", "USER", "assignee", manager.username(), "humanOversight", true),
						Map.of("letter", "R", "assigneeType", "ROLE", "assignee", "RISK_OWNER", "humanOversight", false)))), HttpStatus.OK);
				raciSystem = system;
			}

			risk = api.body(api.post(manager, "/api/v1/risks", RiskFixtures.risk("Risk " + next(), system, "bias", 3, 4,
					riskOwner.username())), HttpStatus.CREATED).get("id").asString();
			api.body(api.put(riskOwner, "/api/v1/risks/" + risk + "/treatment", Map.of("option", "MODIFY", "actions", List.of(
					Map.of("title", "Log prompts", "owner", riskOwner.username(), "dueDate", LocalDate.now().plusDays(10).toString(),
							"controls", List.of("A.6.2.8", "A.6.2.6")),
					Map.of("title", "Review outputs", "owner", riskOwner.username(), "dueDate", LocalDate.now().plusDays(20).toString(),
							"controls", List.of("A.6.2.4"))))), HttpStatus.OK);

			// after the treatment: the new version flags the system's risks for reassessment (after commit, on another thread)
			api.body(api.post(manager, "/api/v1/ai-systems/" + system + "/versions", Map.of("label", "2." + i, "notes", "retrained")),
					HttpStatus.CREATED);
			policy = api.body(api.post(manager, "/api/v1/policies", Map.of("title", "Policy " + next(), "owner", manager.username(),
					"reviewIntervalMonths", 12, "approvalsRequired", 2, "body", "# Policy\n\nText " + i)), HttpStatus.CREATED).get("id")
				.asString();
			String approval = api.body(api.post(manager, "/api/v1/policies/" + policy + "/versions/1/submit", Map.of()), HttpStatus.OK)
				.get("approval").get("id").asString();
			api.body(api.post(users.create(Role.APPROVER), "/api/v1/approvals/" + approval + "/decisions",
					Map.of("decision", "APPROVE", "comment", "fine")), HttpStatus.OK);

			objective = api.body(api.post(manager, "/api/v1/objectives", Map.of("title", "Objective " + next(), "measure", "ratio",
					"target", "above 0.8", "owner", manager.username(), "dueDate", LocalDate.now().plusMonths(3).toString(), "aiSystemIds",
					List.of(system))), HttpStatus.CREATED).get("id").asString();
			api.body(api.post(manager, "/api/v1/objectives/" + objective + "/progress", Map.of("value", "0.7", "note", "first")),
					HttpStatus.OK);
			api.body(api.post(manager, "/api/v1/objectives/" + objective + "/progress", Map.of("value", "0.75", "note", "second")),
					HttpStatus.OK);

			concern = api.body(api.post(riskOwner, "/api/v1/concerns", Map.of("summary", "Concern " + next(), "description", "d",
					"aiSystemId", system)), HttpStatus.CREATED).get("id").asString();
			api.body(api.post(admin, "/api/v1/concerns/" + concern + "/notes", Map.of("note", "looking into it")), HttpStatus.OK);

			JsonNode file = api.body(api.upload(manager, "/api/v1/evidence/files", "file", "report-" + i + ".txt", "text/plain",
					("Test report " + next()).getBytes(java.nio.charset.StandardCharsets.UTF_8), "title", "Report " + next(), "validUntil",
					LocalDate.now().plusDays(i).toString(), "requirements", "A.6.2.4", "requirements", "A.6.2.8", "aiSystemIds", system),
					HttpStatus.CREATED);
			evidence = file.get("id").asString();
			api.body(api.upload(manager, "/api/v1/evidence/" + evidence + "/versions", "file", "report-" + i + "-v2.txt", "text/plain",
					("Revised report " + next()).getBytes(java.nio.charset.StandardCharsets.UTF_8)), HttpStatus.CREATED);
			competence = api.body(api.post(manager, "/api/v1/competences", Map.of("person", manager.username(), "area", "RACI_ACCOUNTABLE",
					"competence", "Owner training " + i, "evidenceId", evidence)), HttpStatus.CREATED).get("id").asString();

			assessment = api.body(api.post(manager, "/api/v1/impact-assessments", Map.of("aiSystemId", system)), HttpStatus.CREATED)
				.get("id").asString();

			api.body(api.post(admin, "/api/v1/users", Map.of("username", "listed" + next(), "displayName", "Listed person", "password",
					TestUsers.PASSWORD + "-" + i, "roles", List.of("APPROVER", "VIEWER"))), HttpStatus.CREATED);
			api.body(api.post(admin, "/api/v1/tokens", Map.of("name", "token " + i, "expiresInDays", 30)), HttpStatus.CREATED);
			String subject = "someone" + i;
			CurrentUser.runAsSystem(() -> securityLog.record(SecurityLog.SIGN_IN_FAILED, subject, "10.1.0." + (1 + subject.length()),
					"bad password"));
			for (int failure = 0; failure < 6; failure++) {
				throttle.failed(subject, "10.2." + i + ".1", "bad password");
			}
			// lifecycle: a run with metrics, thresholds, a change linking the run, a decision and a deployment
			testRun = api.body(api.upload(manager, "/api/v1/test-runs", "reports", "TEST-" + i + ".xml", "application/xml",
					("<testsuite name=\"s\"><testcase name=\"a\"/><testcase name=\"b\"><failure message=\"m\"/></testcase></testsuite>")
						.getBytes(java.nio.charset.StandardCharsets.UTF_8), "aiSystemId", system, "version", "2." + i), HttpStatus.CREATED)
				.get("id").asString();
			thresholds = api.body(api.post(manager, "/api/v1/metric-thresholds", Map.of("aiSystemId", system, "thresholds",
					List.of(Map.of("metric", "accuracy", "direction", "AT_LEAST", "bound", 0.9)))), HttpStatus.CREATED).get("id").asString();
			change = api.body(api.post(manager, "/api/v1/changes", Map.of("aiSystemId", system, "fromVersion", "2." + i, "toVersion",
					"3." + i, "type", "DATA_CHANGED", "title", "Change " + next(), "significance", "MINOR", "testRunIds", List.of(testRun),
					"rollbackPlan", Map.of("steps", "redeploy", "triggerCriteria", "errors", "owner", manager.username(), "tested", false))),
					HttpStatus.CREATED).get("id").asString();
			String decision = api.body(api.post(manager, "/api/v1/changes/" + change + "/gate", Map.of()), HttpStatus.CREATED).get("id")
				.asString();
			deployment = api.body(api.post(manager, "/api/v1/deployments", Map.of("aiSystemId", system, "version", "3." + i, "environment",
					"production", "gateDecisionId", decision)), HttpStatus.CREATED).get("id").asString();
			// monitoring: a batch of events, a rule and a serious incident (with its report) per system
			monitoredSystem = monitoredSystem == null ? system : monitoredSystem;
			api.body(api.post(manager, "/api/v1/events?batchId=budget-" + next(), List.of(Map.of("aiSystemId", monitoredSystem, "type", "metric", "name",
					"accuracy", "value", 0.95, "time", java.time.Instant.now().minusSeconds(i).toString()))), HttpStatus.CREATED);
			monitoringRule = api.body(api.post(manager, "/api/v1/monitoring-rules", Map.of("aiSystemId", system, "name", "Accuracy " + i, "kind",
					"THRESHOLD", "eventType", "metric", "eventName", "accuracy", "direction", "BELOW", "raiseValue", 0.9, "clearValue", 0.92)),
					HttpStatus.CREATED).get("id").asString();
			incident = api.body(api.post(manager, "/api/v1/incidents", Map.of("title", "Incident " + i, "severity", "HIGH", "aiSystemIds",
					List.of(system), "classifications", List.of("SERIOUS"))), HttpStatus.CREATED).get("id").asString();
			checkpoint();
		}
		StringBuilder failing = new StringBuilder("<testsuite name=\"s\">");
		for (int c = 0; c < 3 * PAGE; c++) {
			failing.append("<testcase name=\"c").append(c).append("\"><failure message=\"m\">trace</failure></testcase>");
		}
		failingRun = api.body(api.upload(manager, "/api/v1/test-runs", "reports", "TEST-failing.xml", "application/xml",
				failing.append("</testsuite>").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), "aiSystemId", system, "version", "9.9"),
				HttpStatus.CREATED).get("id").asString();
		for (int i = 0; i < 3; i++) {
			gatePolicy = api.body(api.post(admin, "/api/v1/gate-policies", Map.of("source", "tiers:\n  HIGH:\n    tests: {failureBudget: " + i + "}\n")),
					HttpStatus.CREATED).get("id").asString();
		}
		for (int i = 0; i < 12; i++) { // published policies whose review date has passed
			String id = api.body(api.post(manager, "/api/v1/policies", Map.of("title", "Published " + next(), "owner", manager.username(),
					"reviewIntervalMonths", 12, "approvalsRequired", 1, "body", "# Policy")), HttpStatus.CREATED).get("id").asString();
			String approval = api.body(api.post(manager, "/api/v1/policies/" + id + "/versions/1/submit", Map.of()), HttpStatus.OK)
				.get("approval").get("id").asString();
			api.body(api.post(approver, "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "APPROVE")), HttpStatus.OK);
			api.body(api.post(manager, "/api/v1/policies/" + id + "/versions/1/publish", Map.of()), HttpStatus.OK);
			api.body(api.post(users.create(Role.VIEWER), "/api/v1/policies/" + id + "/acknowledgements", Map.of()), HttpStatus.OK);
		}
		jdbc.sql("UPDATE policies SET next_review_date = :date WHERE next_review_date IS NOT NULL")
			.param("date", java.sql.Date.valueOf(LocalDate.now().minusDays(1)))
			.update();
		for (int i = 0; i < 3; i++) {
			int version = api.body(api.put(admin, "/api/v1/scope", Map.of("boundaries", "Everything " + next(), "inclusionCriteria",
					"All AI systems we build or buy")), HttpStatus.OK).get("versionNo").asInt();
			String approval = api.body(api.post(admin, "/api/v1/scope/versions/" + version + "/submit", Map.of()), HttpStatus.OK)
				.get("approval").get("id").asString();
			api.body(api.post(approver, "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "APPROVE")), HttpStatus.OK);
		}
		soa = api.body(api.post(manager, "/api/v1/soa", Map.of("frameworkId", builtIn)), HttpStatus.CREATED).get("id").asString();
		List<Map<String, Object>> decided = new ArrayList<>();
		api.body(api.get(manager, "/api/v1/soa/" + soa), HttpStatus.OK).get("entries").forEach(e -> decided.add(Map.of("requirementId",
				e.get("requirementId").asString(), "applicable", true, "justification", "needed", "status", "PLANNED")));
		requirement = (String) decided.get(0).get("requirementId");
		api.body(api.patch(manager, "/api/v1/soa/" + soa + "/entries", Map.of("entries", decided)), HttpStatus.OK);
		String approval = api.body(api.post(manager, "/api/v1/soa/" + soa + "/submit", Map.of()), HttpStatus.OK).get("approval").get("id")
			.asString();
		api.body(api.post(approver, "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "APPROVE")), HttpStatus.OK);
		api.body(api.patch(manager, "/api/v1/soa/" + soa + "/entries", Map.of("entries", List.of(Map.of("requirementId", requirement,
				"applicable", true, "justification", "needed", "status", "IMPLEMENTED")))), HttpStatus.OK);
		seedAssurance();
		reachEveryList();
	}

	/** Context entries, programmes, audits with checklists, nonconformities with actions (one overdue each), reviews with actions. */
	private void seedAssurance() {
		TestUser lead = users.create(Role.AUDITOR);
		String approved = null;
		for (int i = 0; i < ROWS; i++) {
			contextEntry = api.body(api.post(manager, "/api/v1/context-entries", Map.of("kind", "EXTERNAL_ISSUE", "title", "Issue " + next(),
					"owner", manager.username())), HttpStatus.CREATED).get("id").asString();
			programme = api.body(api.post(manager, "/api/v1/audit-programmes", Map.of("title", "Programme " + next(), "periodStart",
					LocalDate.now().toString(), "periodEnd", LocalDate.now().plusYears(1).toString())), HttpStatus.CREATED).get("id").asString();
			if (approved == null) {
				approved = programme;
				api.body(api.post(manager, "/api/v1/audit-programmes/" + programme + "/submit", Map.of()), HttpStatus.OK);
				String approval = api.body(api.get(admin, "/api/v1/approvals?status=PENDING&itemType=audit-programme&itemId=" + programme),
						HttpStatus.OK).get("items").get(0).get("id").asString();
				api.body(api.post(approver, "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "APPROVE")), HttpStatus.OK);
			}
			Map<String, Object> plan = new LinkedHashMap<>();
			plan.put("programmeId", approved);
			plan.put("title", "Audit " + next());
			plan.put("plannedStart", LocalDate.now().toString());
			plan.put("plannedEnd", LocalDate.now().toString());
			plan.put("auditedFrom", LocalDate.now().minusDays(30).toString());
			plan.put("auditedTo", LocalDate.now().toString());
			plan.put("processes", List.of("Release", "Monitoring"));
			plan.put("leadAuditor", lead.username());
			audit = api.body(api.post(manager, "/api/v1/audits", plan), HttpStatus.CREATED).get("id").asString();
			api.body(api.post(manager, "/api/v1/audits/" + audit + "/start", Map.of()), HttpStatus.OK);
			nonconformity = api.body(api.post(manager, "/api/v1/nonconformities", Map.of("title", "Nonconformity " + next(), "source", "CONCERN",
					"severity", "MINOR", "owner", manager.username(), "requirementRef", "A.6.2.5")), HttpStatus.CREATED).get("id").asString();
			for (int a = 0; a < 2; a++) {
				api.body(api.post(manager, "/api/v1/nonconformities/" + nonconformity + "/actions", Map.of("description", "Fix " + next(), "owner",
						manager.username(), "dueDate", LocalDate.now().plusDays(a == 0 ? -3 : 30).toString())), HttpStatus.CREATED);
			}
			review = api.body(api.post(manager, "/api/v1/management-reviews", Map.of("title", "Review " + next(), "scheduledFor",
					LocalDate.now().plusDays(i).toString(), "periodStart", LocalDate.now().minusMonths(6).toString(), "periodEnd",
					LocalDate.now().toString(), "chair", manager.username(), "actions", List.of(
							Map.of("description", "Act " + next(), "owner", manager.username(), "dueDate", LocalDate.now().plusDays(40).toString()),
							Map.of("description", "Act " + next(), "owner", manager.username(), "dueDate", LocalDate.now().plusDays(50).toString())))),
					HttpStatus.CREATED).get("id").asString();
		}
	}

	private void reachEveryList() {
		paged("/api/v1/context-entries");
		paged("/api/v1/audit-programmes");
		paged("/api/v1/audits");
		paged("/api/v1/nonconformities");
		paged("/api/v1/nonconformities/overdue-actions");
		paged("/api/v1/management-reviews");
		list("/api/v1/context-entries/{id}/history", () -> "/api/v1/context-entries/" + contextEntry + "/history");
		list("/api/v1/audit-programmes/{id}/history", () -> "/api/v1/audit-programmes/" + programme + "/history");
		list("/api/v1/audits/{id}/history", () -> "/api/v1/audits/" + audit + "/history");
		list("/api/v1/nonconformities/{id}/history", () -> "/api/v1/nonconformities/" + nonconformity + "/history");
		list("/api/v1/management-reviews/{id}/history", () -> "/api/v1/management-reviews/" + review + "/history");
		paged("/api/v1/ai-systems");
		paged("/api/v1/vendors");
		paged("/api/v1/users");
		paged("/api/v1/risks");
		paged("/api/v1/policies");
		paged("/api/v1/objectives");
		paged("/api/v1/concerns");
		paged("/api/v1/approvals");
		paged("/api/v1/security-log");
		paged("/api/v1/ledger/entries");
		paged("/api/v1/ledger/checkpoints");
		reaches.put("/api/v1/approvals/inbox", new Reach(() -> "/api/v1/approvals/inbox", true, () -> approver));
		list("/api/v1/tokens", () -> "/api/v1/tokens");
		list("/api/v1/soa", () -> "/api/v1/soa");
		list("/api/v1/risks/categories", () -> "/api/v1/risks/categories");
		list("/api/v1/risk-criteria", () -> "/api/v1/risk-criteria");
		paged("/api/v1/impact-assessments");
		paged("/api/v1/evidence");
		paged("/api/v1/competences");
		list("/api/v1/competences/gaps", () -> "/api/v1/competences/gaps");
		list("/api/v1/evidence/{id}/history", () -> "/api/v1/evidence/" + evidence + "/history");
		list("/api/v1/competences/{id}/history", () -> "/api/v1/competences/" + competence + "/history");
		list("/api/v1/frameworks", () -> "/api/v1/frameworks");
		reaches.put("/api/v1/frameworks/{id}/requirements", new Reach(() -> "/api/v1/frameworks/" + builtIn + "/requirements", true,
				() -> admin));
		list("/api/v1/mappings", () -> "/api/v1/mappings?framework=iso42001-2023&ref=A.6.2.8");
		list("/api/v1/mappings/sets", () -> "/api/v1/mappings/sets");
		list("/api/v1/control-implementations", () -> "/api/v1/control-implementations?framework=" + builtIn);
		list("/api/v1/sign-in-lockouts", () -> "/api/v1/sign-in-lockouts");
		list("/api/v1/scope/versions", () -> "/api/v1/scope/versions");
		list("/api/v1/scope/history", () -> "/api/v1/scope/history");
		list("/api/v1/role-grants", () -> "/api/v1/role-grants");
		list("/api/v1/responsibilities", () -> "/api/v1/responsibilities");
		list("/api/v1/responsibilities/gaps", () -> "/api/v1/responsibilities/gaps?limit=500"); // a page covers the next in-scope systems: not always full
		list("/api/v1/policies/overdue-reviews", () -> "/api/v1/policies/overdue-reviews");
		list("/api/v1/ai-systems/{id}/history", () -> "/api/v1/ai-systems/" + system + "/history");
		list("/api/v1/vendors/{id}/history", () -> "/api/v1/vendors/" + vendor + "/history");
		list("/api/v1/risks/{id}/history", () -> "/api/v1/risks/" + risk + "/history");
		list("/api/v1/risk-criteria/{id}/history", () -> "/api/v1/risk-criteria/" + criteria + "/history");
		list("/api/v1/policies/{id}/history", () -> "/api/v1/policies/" + policy + "/history");
		list("/api/v1/policies/{id}/diff", () -> "/api/v1/policies/" + policy + "/diff?from=1&to=1");
		list("/api/v1/objectives/{id}/history", () -> "/api/v1/objectives/" + objective + "/history");
		list("/api/v1/concerns/{id}/history", () -> "/api/v1/concerns/" + concern + "/history");
		list("/api/v1/impact-assessments/{id}/history", () -> "/api/v1/impact-assessments/" + assessment + "/history");
		list("/api/v1/responsibilities/{type}/{ref}/history", () -> "/api/v1/responsibilities/AI_SYSTEM/" + raciSystem + "/history");
		list("/api/v1/soa/{id}/history", () -> "/api/v1/soa/" + soa + "/history");
		list("/api/v1/soa/{id}/diff", () -> "/api/v1/soa/" + soa + "/diff?from=1&to=2");
		paged("/api/v1/test-runs");
		paged("/api/v1/changes");
		paged("/api/v1/deployments");
		paged("/api/v1/gate-decisions");
		reaches.put("/api/v1/test-runs/{id}/failures", new Reach(() -> "/api/v1/test-runs/" + failingRun + "/failures", true, () -> admin));
		list("/api/v1/test-runs/{id}/history", () -> "/api/v1/test-runs/" + testRun + "/history");
		list("/api/v1/changes/{id}/history", () -> "/api/v1/changes/" + change + "/history");
		list("/api/v1/deployments/{id}/history", () -> "/api/v1/deployments/" + deployment + "/history");
		list("/api/v1/metric-thresholds", () -> "/api/v1/metric-thresholds?aiSystem=" + system);
		list("/api/v1/metric-thresholds/{id}/history", () -> "/api/v1/metric-thresholds/" + thresholds + "/history");
		list("/api/v1/gate-policies", () -> "/api/v1/gate-policies");
		list("/api/v1/gate-policies/{id}/history", () -> "/api/v1/gate-policies/" + gatePolicy + "/history");
		reaches.put("/api/v1/events", new Reach(() -> "/api/v1/events?aiSystem=" + monitoredSystem, true, () -> admin));
		paged("/api/v1/event-batches");
		paged("/api/v1/monitoring-rules");
		paged("/api/v1/incidents");
		paged("/api/v1/reporting-clocks");
		list("/api/v1/monitoring-rules/{id}/history", () -> "/api/v1/monitoring-rules/" + monitoringRule + "/history");
		list("/api/v1/incidents/{id}/history", () -> "/api/v1/incidents/" + incident + "/history");
		list("/api/v1/reporting-rules", () -> "/api/v1/reporting-rules");
	}

	@Test
	void everyListOperationOfTheApiIsCounted() {
		JsonNode docs = api.body(api.get(admin, "/v3/api-docs"), HttpStatus.OK);
		Set<String> lists = new TreeSet<>();
		docs.get("paths").properties().forEach(path -> {
			JsonNode get = path.getValue().get("get");
			if (get != null && answersAList(docs, get)) {
				lists.add(path.getKey());
			}
		});
		Set<String> unknown = new TreeSet<>(lists);
		unknown.removeAll(reaches.keySet());
		assertThat(unknown).as("list operations QueryBudgetTests does not know how to reach: add them to reachEveryList()").isEmpty();
		Set<String> stale = new TreeSet<>(reaches.keySet());
		stale.removeAll(lists);
		assertThat(stale).as("operations in reachEveryList() that are not lists of the API").isEmpty();
	}

	@Test
	void everyListRequestStaysWithinTheStatementBudget() {
		Map<String, Integer> counts = new TreeMap<>();
		reaches.forEach((operation, reach) -> {
			String uri = reach.uri().get();
			if (reach.paged()) {
				String sep = uri.contains("?") ? "&" : "?";
				JsonNode first = counted(counts, reach, operation + " (first page of " + PAGE + ")", uri + sep + "limit=" + PAGE);
				assertThat(first.get("items").size()).as(operation + " seeded with more than two pages").isEqualTo(PAGE);
				assertThat(first.get("next").isNull()).as(operation + " has a next page").isFalse();
				JsonNode second = counted(counts, reach, operation + " (second page)",
						uri + sep + "limit=" + PAGE + "&" + cursorParameter(operation) + "=" + first.get("next").asString());
				assertThat(second.get("items").size()).isEqualTo(PAGE);
				counted(counts, reach, operation + " (page of 500)", uri + sep + "limit=500");
			}
			else {
				counted(counts, reach, operation, uri);
			}
		});
		StringBuilder table = new StringBuilder("SQL statements per list request (budget " + BUDGET + "):\n");
		counts.forEach((k, v) -> table.append(String.format("%4d  %s%n", v, k)));
		System.out.println(table);
		Map<String, Integer> over = new TreeMap<>();
		counts.forEach((k, v) -> {
			if (v > BUDGET) {
				over.put(k, v);
			}
		});
		assertThat(over).as(table.toString()).isEmpty();
	}

	private JsonNode counted(Map<String, Integer> counts, Reach reach, String label, String uri) {
		TestUser as = reach.as().get();
		if (Boolean.getBoolean("aims.test.logSql")) {
			System.out.println("=== counting " + label);
		}
		QueryCountHolder.clear();
		MvcTestResult result = api.get(as, uri);
		long total = QueryCountHolder.get(COUNTER) == null ? 0 : QueryCountHolder.get(COUNTER).getTotal();
		JsonNode body = api.body(result, HttpStatus.OK);
		if (body.isArray()) {
			assertThat(body.size()).as(label + " answers rows").isPositive();
		}
		counts.put(label, (int) total);
		return body;
	}

	private static String cursorParameter(String operation) {
		return operation.equals("/api/v1/ledger/checkpoints") ? "before" : "after";
	}

	/** Whether an operation of the OpenAPI document answers a page ({@code items} and {@code next}) or an array. */
	static boolean answersAList(JsonNode docs, JsonNode get) {
		JsonNode ok = get.path("responses").path("200").path("content");
		if (ok.isMissingNode() || ok.isEmpty()) {
			return false;
		}
		JsonNode schema = ok.properties().iterator().next().getValue().path("schema");
		if ("array".equals(schema.path("type").asString(""))) {
			return true;
		}
		String ref = schema.path("$ref").asString("");
		if (ref.isEmpty()) {
			return false;
		}
		JsonNode component = docs.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
		return component.path("properties").has("items") && component.path("properties").has("next");
	}

	private void paged(String operation) {
		reaches.put(operation, new Reach(() -> operation, true, () -> admin));
	}

	private void list(String operation, Supplier<String> uri) {
		reaches.put(operation, new Reach(uri, false, () -> admin));
	}

	private void checkpoint() {
		LedgerTestSupport.awaitRecorded(jdbc);
		CurrentUser.runAsSystem(() -> checkpointer.checkpoint());
	}

	private int next() {
		return ++sequence;
	}
}
