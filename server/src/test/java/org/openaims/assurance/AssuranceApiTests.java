package org.openaims.assurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openaims.assurance.AssuranceFixture.id;
import static org.openaims.assurance.AssuranceFixture.item;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openaims.AimsTest;
import org.openaims.Api;
import org.openaims.TestUsers;
import org.openaims.TestUsers.TestUser;
import org.openaims.identity.Role;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Assurance through the REST API: auditor independence (owner, Accountable, author refused; an
 * approved exception allows it and the report lists it), a nonconformity's closure only after its
 * actions are done and found effective by someone else, review actions carried into the next review's
 * inputs, a deployment without an allow raising a candidate, the PDFs' content, and bad input.
 */
@AimsTest
class AssuranceApiTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	org.springframework.test.web.servlet.assertj.MockMvcTester mvc;

	AssuranceFixture f;

	@BeforeEach
	void setUp() {
		f = new AssuranceFixture(api, users);
	}

	@Test
	void independenceIsRefusedForAnOwnerAnAccountableAndAnAuthorAndAnApprovedExceptionIsInTheReport() throws Exception {
		String programme = f.approvedProgramme();
		TestUser owning = users.create(Role.AUDITOR, Role.SYSTEM_OWNER);
		TestUser accountable = users.create(Role.AUDITOR);
		TestUser author = users.create(Role.AUDITOR, Role.CONTRIBUTOR);
		String system = f.system("Audited scorer " + System.nanoTime(), owning);
		api.body(api.put(f.manager, "/api/v1/responsibilities/CONTROL/A.6.2.5", Map.of("assignments", List.of(
				Map.of("letter", "A", "assigneeType", "USER", "assignee", accountable.username(), "humanOversight", false)))), HttpStatus.OK);
		Map<String, Object> evidence = new HashMap<>();
		evidence.put("kind", "LINK");
		evidence.put("title", "Verification plan " + System.nanoTime());
		evidence.put("url", "https://example.org/plan");
		evidence.put("requirements", List.of("A.6.2.4"));
		api.body(api.post(author, "/api/v1/evidence", evidence), HttpStatus.CREATED);

		JsonNode audit = f.startedAudit(f.audit(programme, List.of(), List.of("A.6.2.4", "A.6.2.5"), List.of(system), f.lead,
				List.of(owning, accountable, author)));
		String auditId = id(audit);
		int verification = item(audit, "A.6.2.4");
		int deployment = item(audit, "A.6.2.5");
		int systemItem = item(audit, system);
		String base = "/api/v1/audits/" + auditId + "/items/";
		JsonNode withLinks = api.body(api.get(f.lead, "/api/v1/audits/" + auditId + "?links=true"), HttpStatus.OK);
		String verificationLinks = withLinks.get("items").get(verification - 1).get("links").toString();
		assertThat(verificationLinks).as("the item shows its evidence and the lifecycle's records").contains("Verification plan")
			.contains("Test runs").contains("Gate decisions");
		assertThat(withLinks.get("items").get(verification - 1).get("guidance").asString()).contains("Evidence it calls for: Test/evaluation plan");
		assertThat(withLinks.get("items").get(systemItem - 1).get("links").toString()).contains("/lifecycle/systems/" + system);

		assertThat(detail(api.put(f.lead, base + systemItem, Map.of("auditor", owning.username())))).contains(owning.username() + " owns the AI system");
		assertThat(detail(api.put(owning, base + systemItem, Map.of("result", "CONFORMING")))).contains("owns the AI system");
		assertThat(detail(api.put(f.lead, base + deployment, Map.of("auditor", accountable.username()))))
			.contains(accountable.username() + " is Accountable for A.6.2.5 (RACI)");
		assertThat(detail(api.put(f.lead, base + verification, Map.of("auditor", author.username()))))
			.contains(author.username() + " wrote evidence linked to A.6.2.4 in the audited period");
		// nothing was assigned
		JsonNode unchanged = api.body(api.get(f.manager, "/api/v1/audits/" + auditId), HttpStatus.OK);
		unchanged.get("items").forEach(i -> assertThat(i.get("auditor").isNull()).isTrue());

		// a small organization's exception, approved by someone who is neither the requester nor the auditor
		JsonNode exception = api.body(api.post(f.lead, "/api/v1/audits/" + auditId + "/exceptions", Map.of("item", systemItem, "auditor",
				owning.username(), "justification", "Only auditor who knows the scoring pipeline")), HttpStatus.CREATED);
		assertThat(exception.get("conflict").asString()).contains("owns the AI system");
		api.problem(api.post(f.lead, "/api/v1/audits/" + auditId + "/exceptions", Map.of("item", verification, "auditor", f.lead.username(),
				"justification", "not needed")), HttpStatus.CONFLICT, null, "no exception is needed");
		f.approve("independence-exception", id(exception), f.approver);
		api.body(api.put(f.lead, base + systemItem, Map.of("auditor", owning.username())), HttpStatus.OK);

		api.body(api.put(owning, base + systemItem, Map.of("result", "OBSERVATION", "notes", "Monitoring dashboards are informal")), HttpStatus.OK);
		api.body(api.put(f.lead, base + verification, Map.of("result", "CONFORMING", "sampled", "Test runs of 3.2 and 3.3")), HttpStatus.OK);
		api.problem(api.post(f.lead, "/api/v1/audits/" + auditId + "/report", Map.of()), HttpStatus.CONFLICT, null, "1 of 3 checklist items");
		JsonNode nc = api.body(api.put(f.lead, base + deployment, Map.of("result", "MAJOR_NONCONFORMITY", "notes", "Two deployments without a gate",
				"nonconformityTitle", "Deployments bypass the release gate", "nonconformityOwner", f.manager.username())), HttpStatus.OK);
		String ncId = nc.get("nonconformityId").asString();
		JsonNode raised = api.body(api.get(f.manager, "/api/v1/nonconformities/" + ncId), HttpStatus.OK);
		assertThat(raised.get("source").asString()).isEqualTo("INTERNAL_AUDIT");
		assertThat(raised.get("severity").asString()).isEqualTo("MAJOR");
		assertThat(raised.get("requirementRef").asString()).isEqualTo("A.6.2.5");
		api.problem(api.put(f.lead, base + deployment, Map.of("result", "CONFORMING")), HttpStatus.CONFLICT, null, "raised a nonconformity");

		JsonNode reported = api.body(api.post(f.lead, "/api/v1/audits/" + auditId + "/report", Map.of()), HttpStatus.OK);
		assertThat(reported.get("status").asString()).isEqualTo("REPORTED");
		String text = pdfText(api.get(f.manager, "/api/v1/audits/" + auditId + "/report"));
		assertThat(text).contains("Internal audit report").contains("Independence exceptions").contains(owning.username())
			.contains("Only auditor who knows the scoring pipeline").contains("approved").contains("Deployments bypass the release gate")
			.contains("Issued").doesNotContain("DRAFT");
		List<String> events = new ArrayList<>();
		api.body(api.get(f.manager, "/api/v1/audits/" + auditId + "/history"), HttpStatus.OK).forEach(e -> events.add(e.get("event").asString()));
		assertThat(events).contains("AuditPlanned", "AuditStarted", "IndependenceExceptionRequested", "AuditItemAssigned", "AuditItemRecorded",
				"AuditReportIssued");
	}

	@Test
	void aNonconformityClosesOnlyAfterItsActionsAreDoneAndSomeoneElseFoundThemEffective() {
		TestUser owner = users.create(Role.SYSTEM_OWNER);
		TestUser doer = users.create(Role.CONTRIBUTOR, Role.AUDITOR);
		TestUser auditor = users.create(Role.AUDITOR);
		String nc = id(api.body(api.post(f.manager, "/api/v1/nonconformities", AssuranceFixture.nonconformity("Model card out of date",
				"CONCERN", owner.username())), HttpStatus.CREATED));
		String path = "/api/v1/nonconformities/" + nc;
		api.problem(api.post(owner, path + "/submit", Map.of()), HttpStatus.CONFLICT, null, "root cause");

		Map<String, Object> edit = AssuranceFixture.nonconformity("Model card out of date", "CONCERN", owner.username());
		edit.put("correction", "Card updated by hand");
		edit.put("rootCauseMethod", "FIVE_WHYS");
		edit.put("rootCause", "No step in the release checklist updates the card");
		api.body(api.put(owner, path, edit), HttpStatus.OK);
		JsonNode withAction = api.body(api.post(owner, path + "/actions", Map.of("description", "Add the card to the release checklist", "owner",
				doer.username(), "dueDate", LocalDate.now().plusDays(10).toString())), HttpStatus.CREATED);
		String action = withAction.get("actions").get(0).get("id").asString();
		api.problem(api.post(auditor, path + "/effectiveness", Map.of("effective", true)), HttpStatus.CONFLICT, null, "not done yet");
		api.problem(api.post(owner, path + "/submit", Map.of()), HttpStatus.CONFLICT, null, "no corrective action is done");

		api.body(api.put(doer, path + "/actions/" + action, Map.of("status", "DONE", "note", "Checklist step added")), HttpStatus.OK);
		api.problem(api.post(owner, path + "/submit", Map.of()), HttpStatus.CONFLICT, null, "has not been reviewed");
		api.problem(api.post(doer, path + "/effectiveness", Map.of("effective", true)), HttpStatus.CONFLICT, null,
				"someone other than the action owners");
		JsonNode reviewed = api.body(api.post(auditor, path + "/effectiveness", Map.of("effective", true, "note", "Two releases carried it")),
				HttpStatus.OK);
		assertThat(reviewed.get("effectivenessReviewedBy").asString()).isEqualTo(auditor.username());
		assertThat(reviewed.get("stage").asString()).isEqualTo("closure to request");

		// an overdue action of another nonconformity is listed; the trend counts this one under its source and requirement
		String late = id(api.body(api.post(f.manager, "/api/v1/nonconformities", AssuranceFixture.nonconformity("Late " + System.nanoTime(),
				"MONITORING", owner.username())), HttpStatus.CREATED));
		api.body(api.post(owner, "/api/v1/nonconformities/" + late + "/actions", Map.of("description", "Overdue fix " + late, "owner",
				doer.username(), "dueDate", LocalDate.now().minusDays(3).toString())), HttpStatus.CREATED);
		JsonNode overdue = api.body(api.get(f.manager, "/api/v1/nonconformities/overdue-actions?owner=" + doer.username()), HttpStatus.OK);
		assertThat(overdue.get("items")).singleElement().satisfies(a -> {
			assertThat(a.get("description").asString()).isEqualTo("Overdue fix " + late);
			assertThat(a.get("daysOverdue").asInt()).isEqualTo(3);
		});
		JsonNode trends = api.body(api.get(f.manager, "/api/v1/nonconformities/trends"), HttpStatus.OK);
		int month = trends.get("months").size() - 1;
		assertThat(trends.get("bySource").get("CONCERN").get(month).asInt()).isPositive();
		assertThat(trends.get("byRequirement").get("A.6.2.5").get(month).asInt()).isPositive();
		assertThat(api.csv(api.get(f.manager, "/api/v1/nonconformities/export?owner=" + owner.username()))).contains("Model card out of date")
			.contains("FIVE_WHYS");
		JsonNode followUp = api.body(api.post(f.manager, path + "/follow-up", Map.of("programmeId", f.approvedProgramme(), "date",
				LocalDate.now().plusMonths(2).toString(), "leadAuditor", f.lead.username())), HttpStatus.CREATED);
		assertThat(followUp.get("controls").toString()).contains("A.6.2.5");
		assertThat(followUp.get("followUpOf").asString()).isEqualTo(nc);

		api.body(api.post(owner, path + "/submit", Map.of()), HttpStatus.OK);
		String approval = f.pending("nonconformity", nc);
		api.problem(api.post(owner, "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "APPROVE")), HttpStatus.FORBIDDEN, null, null);
		assertThat(api.body(api.get(f.manager, path), HttpStatus.OK).get("status").asString()).isEqualTo("OPEN");
		api.body(api.post(f.approver, "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "APPROVE")), HttpStatus.OK);
		JsonNode closed = api.body(api.get(f.manager, path), HttpStatus.OK);
		assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
		assertThat(closed.get("closedAt").isNull()).isFalse();
		api.problem(api.post(owner, path + "/actions", Map.of("description", "More", "owner", doer.username(), "dueDate",
				LocalDate.now().toString())), HttpStatus.CONFLICT, null, "is closed");
	}

	@Test
	void actionsDecidedByOneReviewAreAmongTheInputsOfTheNextAndTheOutputIsApprovedByTopManagement() throws Exception {
		TestUser doer = users.create(Role.RISK_OWNER);
		int year = 2040 + (int) (System.nanoTime() % 50);
		LocalDate start = LocalDate.of(year, 1, 1);
		String first = id(api.body(api.post(f.manager, "/api/v1/management-reviews", AssuranceFixture.review("Q1 review " + year,
				start.plusMonths(3), start, start.plusMonths(3).minusDays(1), f.manager, List.of(Map.of("description",
						"Budget a second auditor " + year, "owner", doer.username(), "dueDate", start.plusMonths(5).toString())))),
				HttpStatus.CREATED));
		String path = "/api/v1/management-reviews/" + first;
		api.problem(api.post(f.manager, path + "/submit", Map.of()), HttpStatus.CONFLICT, null, "has not been held");
		api.body(api.post(f.manager, path + "/hold", Map.of()), HttpStatus.OK);
		Map<String, Object> output = AssuranceFixture.review("Q1 review " + year, start.plusMonths(3), start, start.plusMonths(3).minusDays(1),
				f.manager, List.of());
		JsonNode current = api.body(api.get(f.manager, path), HttpStatus.OK);
		output.put("actions", List.of(Map.of("id", current.get("actions").get(0).get("id").asString(), "description",
				"Budget a second auditor " + year, "owner", doer.username(), "dueDate", start.plusMonths(5).toString())));
		output.put("minutes", "The AIMS is suitable; audit capacity is short.");
		output.put("decisions", "Hire or train a second internal auditor.");
		api.body(api.put(f.manager, path, output), HttpStatus.OK);
		api.body(api.post(f.manager, path + "/submit", Map.of()), HttpStatus.OK);
		String approval = f.pending("management-review", first);
		api.problem(api.post(f.approver, "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "APPROVE")), HttpStatus.FORBIDDEN,
				null, null);
		api.body(api.post(f.top, "/api/v1/approvals/" + approval + "/decisions", Map.of("decision", "APPROVE")), HttpStatus.OK);
		assertThat(api.body(api.get(f.manager, path), HttpStatus.OK).get("reviewStatus").asString()).isEqualTo("APPROVED");

		String second = id(api.body(api.post(f.manager, "/api/v1/management-reviews", AssuranceFixture.review("Q2 review " + year,
				start.plusMonths(6), start.plusMonths(3), start.plusMonths(6).minusDays(1), f.manager, List.of())), HttpStatus.CREATED));
		JsonNode inputs = api.body(api.get(f.manager, "/api/v1/management-reviews/" + second + "/inputs"), HttpStatus.OK);
		JsonNode previous = section(inputs, "previousActions");
		assertThat(previous.get("rows").toString()).contains("Budget a second auditor " + year).contains("OPEN");
		String actionId = current.get("actions").get(0).get("id").asString();
		api.problem(api.put(f.approver, path + "/actions/" + actionId, Map.of("status", "DONE")), HttpStatus.FORBIDDEN, null, null);
		api.body(api.put(doer, path + "/actions/" + actionId, Map.of("status", "DONE", "note", "Second auditor trained")), HttpStatus.OK);
		assertThat(api.body(api.get(f.manager, path), HttpStatus.OK).get("reviewStatus").asString()).as("progress keeps the approval")
			.isEqualTo("APPROVED");
		inputs = api.body(api.get(f.manager, "/api/v1/management-reviews/" + second + "/inputs"), HttpStatus.OK);
		assertThat(section(inputs, "previousActions").get("rows").toString()).contains("Budget a second auditor " + year).contains("DONE");

		String text = pdfText(api.get(f.manager, path + "/pdf"));
		assertThat(text).contains("Management review: Q1 review " + year).contains("Output approved by top management")
			.contains("The AIMS is suitable; audit capacity is short.").contains("Hire or train a second internal auditor.")
			.contains("Budget a second auditor " + year).contains("9.3.2 c Nonconformities and corrective actions").contains("as presented");
	}

	@Test
	void aDeploymentWithoutAnAllowRaisesANonconformityCandidate() throws Exception {
		TestUser owner = users.create(Role.SYSTEM_OWNER);
		String system = f.system("Ungated " + System.nanoTime(), owner);
		TestUser contributor = users.create(Role.CONTRIBUTOR);
		String deployment = id(api.body(api.post(contributor, "/api/v1/deployments", Map.of("aiSystemId", system, "version", "1.0", "environment",
				"production")), HttpStatus.CREATED));
		JsonNode candidates = null;
		for (int i = 0; i < 100; i++) {
			candidates = api.body(api.get(f.manager, "/api/v1/nonconformities?source=DEPLOYMENT_WITHOUT_ALLOW&aiSystem=" + system), HttpStatus.OK);
			if (candidates.get("items").size() > 0) {
				break;
			}
			Thread.sleep(100);
		}
		assertThat(candidates.get("items")).hasSize(1);
		JsonNode candidate = candidates.get("items").get(0);
		assertThat(candidate.get("status").asString()).isEqualTo("CANDIDATE");
		assertThat(candidate.get("sourceRef").asString()).isEqualTo(deployment);
		assertThat(candidate.get("owner").asString()).isEqualTo(owner.username());
		assertThat(candidate.get("requirementRef").asString()).isEqualTo("A.6.2.5");
		api.problem(api.post(owner, "/api/v1/nonconformities/" + id(candidate) + "/accept", Map.of()), HttpStatus.FORBIDDEN, null, null);
		JsonNode accepted = api.body(api.post(f.manager, "/api/v1/nonconformities/" + id(candidate) + "/accept", Map.of()), HttpStatus.OK);
		assertThat(accepted.get("status").asString()).isEqualTo("OPEN");
	}

	@Test
	void anOpenMajorNonconformityAboutTheSystemDeniesItsRelease() {
		org.openaims.lifecycle.LifecycleFixture lf = new org.openaims.lifecycle.LifecycleFixture(api, users, mvc);
		api.problem(api.post(lf.manager, "/api/v1/gate-policies", Map.of("source", "tiers:\n  LOW:\n    nonconformities: {severity: HUGE}\n")),
				HttpStatus.BAD_REQUEST, null, "severity must be MAJOR or MINOR");
		lf.policyInForce(org.openaims.lifecycle.LifecycleFixture.POLICY.replace("    tests: {failureBudget: 0}\n  HIGH:",
				"    tests: {failureBudget: 0}\n    nonconformities: {}\n  HIGH:"));
		String system = lf.system("Gated " + org.openaims.lifecycle.LifecycleFixture.unique(), "LOW");
		api.body(lf.push(lf.contributor, system, "2.0", null, org.openaims.lifecycle.LifecycleFixture.report(3, 0)), HttpStatus.CREATED);
		String change = id(lf.openChange(lf.contributor, system, "1.0", "2.0", false, List.of()));
		assertThat(api.body(api.get(lf.manager, "/api/v1/changes/" + change + "/gate"), HttpStatus.OK).get("verdict").asString()).isEqualTo("ALLOW");

		Map<String, Object> minor = AssuranceFixture.nonconformity("Minor slip " + System.nanoTime(), "MONITORING", lf.owner.username());
		minor.put("aiSystemId", system);
		api.body(api.post(f.manager, "/api/v1/nonconformities", minor), HttpStatus.CREATED);
		assertThat(api.body(api.get(lf.manager, "/api/v1/changes/" + change + "/gate"), HttpStatus.OK).get("verdict").asString())
			.as("a minor one does not stop it by default").isEqualTo("ALLOW");
		Map<String, Object> major = AssuranceFixture.nonconformity("Drift unmonitored " + System.nanoTime(), "MONITORING", lf.owner.username());
		major.put("aiSystemId", system);
		major.put("severity", "MAJOR");
		api.body(api.post(f.manager, "/api/v1/nonconformities", major), HttpStatus.CREATED);
		JsonNode denied = api.body(api.get(lf.manager, "/api/v1/changes/" + change + "/gate"), HttpStatus.OK);
		assertThat(denied.get("verdict").asString()).isEqualTo("DENY");
		JsonNode rule = null;
		for (JsonNode r : denied.get("rules")) {
			if (r.get("rule").asString().equals("nonconformities")) {
				rule = r;
			}
			else {
				assertThat(r.get("pass").asBoolean()).as(r.toString()).isTrue();
			}
		}
		assertThat(rule.get("pass").asBoolean()).isFalse();
		assertThat(rule.get("found").asString()).contains("1 open: " + major.get("title") + " (major)");
		// the policy the lifecycle tests expect is back in force
		lf.policyInForce(org.openaims.lifecycle.LifecycleFixture.POLICY);
	}

	@Test
	void badInputIsRefusedNamingTheField() {
		String programme = f.approvedProgramme();
		api.problem(api.post(f.manager, "/api/v1/audit-programmes", Map.of("title", "x", "periodStart", "2031-02-01", "periodEnd", "2031-01-01")),
				HttpStatus.BAD_REQUEST, "periodEnd", "must not be before");
		Map<String, Object> audit = f.audit(programme, List.of("9.9"), List.of("A.99"), List.of(), f.lead, List.of(f.approver));
		api.problem(api.post(f.manager, "/api/v1/audits", audit), HttpStatus.BAD_REQUEST, "clauses", "'9.9' is no clause");
		api.problem(api.post(f.manager, "/api/v1/audits", audit), HttpStatus.BAD_REQUEST, "controls", "'A.99' is no Annex A control");
		api.problem(api.post(f.manager, "/api/v1/audits", audit), HttpStatus.BAD_REQUEST, "team", "holds none of the roles");
		Map<String, Object> wrongKind = f.audit(programme, List.of("A.6.2.4"), List.of(), List.of(), f.lead, List.of());
		api.problem(api.post(f.manager, "/api/v1/audits", wrongKind), HttpStatus.BAD_REQUEST, "clauses", "list it under controls");
		JsonNode started = f.startedAudit(f.audit(programme, List.of("9.2"), List.of(), List.of(), f.lead, List.of()));
		assertThat(started.get("items").size()).as("9.2 holds its subclauses").isGreaterThanOrEqualTo(2);
		api.problem(api.put(f.lead, "/api/v1/audits/" + id(started) + "/items/1", Map.of("result", "SOMETIMES")), HttpStatus.BAD_REQUEST, null, null);
		api.problem(api.put(f.lead, "/api/v1/audits/" + id(started) + "/items/999", Map.of("result", "CONFORMING")), HttpStatus.NOT_FOUND, null, null);
		api.problem(api.put(f.lead, "/api/v1/audits/" + id(started) + "/items/1", Map.of("notes", "x")), HttpStatus.BAD_REQUEST, "result", "say what");
		api.problem(api.put(f.approver, "/api/v1/audits/" + id(started) + "/items/1", Map.of("result", "CONFORMING")), HttpStatus.FORBIDDEN, null, null);

		Map<String, Object> nc = AssuranceFixture.nonconformity("Bad", "INTERNAL_AUDIT", f.manager.username());
		api.problem(api.post(f.manager, "/api/v1/nonconformities", nc), HttpStatus.BAD_REQUEST, "source", "raise their own");
		nc = AssuranceFixture.nonconformity("Bad", "CONCERN", "nobody-" + System.nanoTime());
		nc.put("requirementRef", "Z.1");
		nc.put("rootCause", "because");
		api.problem(api.post(f.manager, "/api/v1/nonconformities", nc), HttpStatus.BAD_REQUEST, "owner", "no active user");
		api.problem(api.post(f.manager, "/api/v1/nonconformities", nc), HttpStatus.BAD_REQUEST, "requirementRef", "'Z.1' is no clause");
		api.problem(api.post(f.manager, "/api/v1/nonconformities", nc), HttpStatus.BAD_REQUEST, "rootCauseMethod", "with the method");
		api.problem(api.post(f.manager, "/api/v1/nonconformities", Map.of("title", "")), HttpStatus.BAD_REQUEST, "title", null);
		api.problem(api.get(f.manager, "/api/v1/nonconformities/trends?from=2031-05-01&to=2031-01-01"), HttpStatus.BAD_REQUEST, "to", null);
		api.problem(api.get(f.manager, "/api/v1/nonconformities/overdue-actions?after=-3"), HttpStatus.BAD_REQUEST, "after", null);
		api.problem(api.post(f.manager, "/api/v1/management-reviews", AssuranceFixture.review("R", LocalDate.now(), LocalDate.now(),
				LocalDate.now().minusDays(1), f.manager, List.of(Map.of("description", "x", "owner", "nobody-x", "dueDate", "2031-01-01")))),
				HttpStatus.BAD_REQUEST, "actions[0].owner", "no active user");
		api.problem(api.post(f.manager, "/api/v1/management-reviews", AssuranceFixture.review("R", LocalDate.now(), LocalDate.now(),
				LocalDate.now().minusDays(1), f.manager, List.of())), HttpStatus.BAD_REQUEST, "periodEnd", null);
		api.problem(api.post(f.manager, "/api/v1/context-entries", Map.of("kind", "WEATHER", "title", "x", "owner", f.manager.username())),
				HttpStatus.BAD_REQUEST, null, null);
		api.problem(api.post(f.manager, "/api/v1/context-entries", Map.of("kind", "EXTERNAL_ISSUE", "title", "EU AI Act", "owner", "nobody-y")),
				HttpStatus.BAD_REQUEST, "owner", "no active user");
		api.problem(api.post(f.manager, "/api/v1/nonconformities/" + java.util.UUID.randomUUID() + "/effectiveness", Map.of()),
				HttpStatus.BAD_REQUEST, "effective", null);
		String auditId = id(started);
		api.problem(api.post(f.lead, "/api/v1/audits/" + auditId + "/exceptions", Map.of("auditor", f.lead.username(), "justification", "x")),
				HttpStatus.BAD_REQUEST, "item", null);
		api.problem(api.post(f.lead, "/api/v1/audits/" + auditId + "/exceptions", Map.of("item", 1, "auditor", "nobody-z", "justification", "x")),
				HttpStatus.BAD_REQUEST, "auditor", "audit's team");
		Map<String, Object> plannedAgain = f.audit(programme, List.of("9.2"), List.of(), List.of(), f.lead, List.of());
		plannedAgain.put("auditedTo", "2020-01-01");
		api.problem(api.put(f.manager, "/api/v1/audits/" + auditId, plannedAgain), HttpStatus.BAD_REQUEST, "auditedTo", "must not be before");
		api.problem(api.put(f.manager, "/api/v1/audit-programmes/" + programme, Map.of("title", "x", "periodStart", "2031-02-01", "periodEnd",
				"2031-01-01")), HttpStatus.BAD_REQUEST, "periodEnd", null);
		String open = id(api.body(api.post(f.manager, "/api/v1/nonconformities", AssuranceFixture.nonconformity("Open " + System.nanoTime(),
				"CONCERN", f.manager.username())), HttpStatus.CREATED));
		Map<String, Object> badEdit = AssuranceFixture.nonconformity("Open", "CONCERN", f.manager.username());
		badEdit.put("requirementRef", "Q.9");
		api.problem(api.put(f.manager, "/api/v1/nonconformities/" + open, badEdit), HttpStatus.BAD_REQUEST, "requirementRef", "'Q.9'");
		api.problem(api.post(f.manager, "/api/v1/nonconformities/" + open + "/actions", Map.of("description", "x", "owner", "nobody-w",
				"dueDate", "2031-01-01")), HttpStatus.BAD_REQUEST, "owner", "no active user");
		api.problem(api.post(f.manager, "/api/v1/nonconformities/" + open + "/actions", Map.of("description", "x", "owner", f.manager.username())),
				HttpStatus.BAD_REQUEST, "dueDate", null);
		api.problem(api.post(f.manager, "/api/v1/nonconformities/" + open + "/dismiss", Map.of("reason", "")), HttpStatus.BAD_REQUEST, "reason",
				null);
		api.problem(api.post(f.manager, "/api/v1/nonconformities/" + open + "/follow-up", Map.of("date", "2031-01-01", "leadAuditor",
				f.lead.username())), HttpStatus.BAD_REQUEST, "programmeId", null);
		String review = id(api.body(api.post(f.manager, "/api/v1/management-reviews", AssuranceFixture.review("R " + System.nanoTime(),
				LocalDate.now(), LocalDate.now().minusDays(9), LocalDate.now(), f.manager, List.of(Map.of("description", "x", "owner",
						f.manager.username(), "dueDate", "2031-01-01")))), HttpStatus.CREATED));
		String reviewAction = api.body(api.get(f.manager, "/api/v1/management-reviews/" + review), HttpStatus.OK).get("actions").get(0).get("id")
			.asString();
		api.problem(api.put(f.manager, "/api/v1/management-reviews/" + review + "/actions/" + reviewAction, Map.of("note", "x")),
				HttpStatus.BAD_REQUEST, "status", null);
		api.problem(api.put(f.manager, "/api/v1/management-reviews/" + review, AssuranceFixture.review("R", LocalDate.now(), LocalDate.now(),
				LocalDate.now(), users.create(Role.VIEWER), List.of(Map.of("description", "x", "owner", "nobody-v", "dueDate", "2031-01-01")))),
				HttpStatus.BAD_REQUEST, "actions[0].owner", null);
		String entry = id(api.body(api.post(f.manager, "/api/v1/context-entries", Map.of("kind", "EXTERNAL_ISSUE", "title", "Issue " + System.nanoTime(),
				"owner", f.manager.username())), HttpStatus.CREATED));
		api.problem(api.post(f.manager, "/api/v1/context-entries/" + entry + "/review", Map.of("note", "x".repeat(1001))), HttpStatus.BAD_REQUEST,
				"note", null);
		api.problem(api.put(f.manager, "/api/v1/context-entries/" + entry, Map.of("kind", "EXTERNAL_ISSUE", "title", "", "owner",
				f.manager.username())), HttpStatus.BAD_REQUEST, "title", null);
	}

	private String detail(MvcTestResult result) {
		return api.problem(result, HttpStatus.CONFLICT, null, null).get("detail").asString();
	}

	private static JsonNode section(JsonNode pack, String key) {
		for (JsonNode s : pack.get("sections")) {
			if (s.get("key").asString().equals(key)) {
				return s;
			}
		}
		throw new AssertionError("no section " + key);
	}

	static String pdfText(MvcTestResult result) throws Exception {
		assertThat(result).hasStatus(HttpStatus.OK);
		assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
		try (var document = org.apache.pdfbox.Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
			return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
	}
}
