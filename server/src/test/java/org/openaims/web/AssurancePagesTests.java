package org.openaims.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openaims.AimsTest;
import org.openaims.Api;
import org.openaims.PageForms;
import org.openaims.TestUsers;
import org.openaims.TestUsers.TestUser;
import org.openaims.assurance.AssuranceFixture;
import org.openaims.identity.Role;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The assurance pages, driven through their forms: a programme and an audit planned, the checklist
 * started and worked on, a nonconformity raised from an item and taken to its closure request, a
 * management review scheduled, held and written, a context entry added and confirmed — each form
 * answering with what changed, or what was wrong.
 */
@AimsTest
class AssurancePagesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestUsers users;

	@Autowired
	Api api;

	AssuranceFixture f;

	@BeforeEach
	void setUp() {
		f = new AssuranceFixture(api, users);
	}

	@Test
	void anAuditIsPlannedWorkedOnAndItsNonconformityTakenToClosure() {
		RequestPostProcessor manager = as(f.manager, "AIMS_MANAGER");
		RequestPostProcessor lead = as(f.lead, "AUDITOR");
		MvcTestResult planned = post("/assurance/programmes", manager, "title", "Programme " + System.nanoTime(), "periodStart",
				LocalDate.now().toString(), "periodEnd", LocalDate.now().plusYears(1).toString(), "criteria", "ISO/IEC 42001");
		String programmePage = planned.getResponse().getRedirectedUrl();
		assertThat(flash(planned)).contains("planned as a draft");
		String programme = programmePage.substring(programmePage.lastIndexOf('/') + 1);
		assertThat(page(programmePage, manager)).contains("Plan an audit");
		MvcTestResult edited = post(programmePage, manager, "title", "Programme edited " + System.nanoTime(), "periodStart",
				LocalDate.now().toString(), "periodEnd", LocalDate.now().plusYears(2).toString(), "criteria", "ISO/IEC 42001", "method", "sampling");
		assertThat(flash(edited)).contains("Programme saved");
		assertThat(page(programmePage, manager)).contains("Programme edited").contains("sampling");
		post(programmePage + "/submit", manager);
		f.approve("audit-programme", programme, f.secondManager);

		MvcTestResult refused = post("/assurance/audits", manager, "programmeId", programme, "title", "Release controls", "plannedStart",
				LocalDate.now().toString(), "plannedEnd", LocalDate.now().toString(), "auditedFrom", LocalDate.now().minusDays(30).toString(),
				"auditedTo", LocalDate.now().toString(), "controls", "A.6.2.4 A.99", "leadAuditor", f.lead.username());
		assertThat(String.valueOf(refused.getMvcResult().getFlashMap().get("flashError"))).contains("'A.99' is no Annex A control");
		MvcTestResult audit = post("/assurance/audits", manager, "programmeId", programme, "title", "Release controls", "plannedStart",
				LocalDate.now().toString(), "plannedEnd", LocalDate.now().toString(), "auditedFrom", LocalDate.now().minusDays(30).toString(),
				"auditedTo", LocalDate.now().toString(), "controls", "A.6.2.4", "processes", "Model release\nIncident response", "leadAuditor",
				f.lead.username());
		String auditPage = audit.getResponse().getRedirectedUrl();
		assertThat(flash(post(auditPage + "/start", lead))).contains("its checklist has 3 items");
		assertThat(page(auditPage, lead)).contains("data-checklist").contains("Keys: j / k").contains("Process: Model release")
			.contains("autofocus");

		TestUser owner = users.create(Role.SYSTEM_OWNER);
		long tag = System.nanoTime();
		MvcTestResult raised = post(auditPage + "/items/2", lead, "result", "MINOR_NONCONFORMITY", "notes", "No release log kept",
				"nonconformityTitle", "Release log missing " + tag, "nonconformityOwner", owner.username());
		assertThat(flash(raised)).contains("Item 2").contains("minor nonconformity").contains("Nonconformity raised");
		assertThat(raised.getResponse().getRedirectedUrl()).endsWith("focus=3");
		assertThat(String.valueOf(post(auditPage + "/report", lead).getMvcResult().getFlashMap().get("flashError"))).contains("have no result yet");
		assertThat(String.valueOf(post(auditPage + "/exceptions", lead, "item", "3", "auditor", f.lead.username(), "justification", "x")
			.getMvcResult().getFlashMap().get("flashError"))).contains("no exception is needed");

		JsonNode nc = api.body(api.get(f.manager, "/api/v1/nonconformities?q=" + tag), HttpStatus.OK).get("items").get(0);
		String ncPage = "/assurance/nonconformities/" + nc.get("id").asString();
		RequestPostProcessor asOwner = as(owner, "SYSTEM_OWNER");
		assertThat(page(ncPage, asOwner)).contains("Release log missing").contains("root cause to analyse");
		assertThat(flash(post(ncPage + "/analysis", asOwner, "title", "Release log missing", "severity", "MINOR", "owner", owner.username(),
				"requirementRef", "A.6.2.4", "rootCauseMethod", "FIVE_WHYS", "rootCause", "Nobody was asked to keep it",
				"version", nc.get("version").asString()))).contains("corrective actions to plan");
		TestUser doer = users.create(Role.CONTRIBUTOR);
		assertThat(flash(post(ncPage + "/actions", asOwner, "description", "Add the log to the pipeline", "owner", doer.username(), "dueDate",
				LocalDate.now().plusDays(14).toString()))).contains("Corrective action added").contains("in progress");
		String action = api.body(api.get(f.manager, "/api/v1/nonconformities/" + nc.get("id").asString()), HttpStatus.OK).get("actions").get(0)
			.get("id").asString();
		assertThat(flash(post(ncPage + "/actions/" + action, as(doer, "CONTRIBUTOR"), "status", "DONE"))).contains("effectiveness to review");
		assertThat(flash(post(ncPage + "/effectiveness", lead, "effective", "true", "note", "Three releases logged")))
			.contains("closure to request");
		assertThat(flash(post(ncPage + "/submit", asOwner))).contains("Closure submitted");
		assertThat(page(ncPage, asOwner)).contains("closure awaiting approval").contains("Nobody was asked to keep it");
	}

	@Test
	void aReviewIsScheduledHeldAndWrittenAndTheContextKept() {
		RequestPostProcessor manager = as(f.manager, "AIMS_MANAGER");
		MvcTestResult scheduled = post("/assurance/reviews", manager, "title", "H2 review " + System.nanoTime(), "scheduledFor",
				LocalDate.now().toString(), "periodStart", LocalDate.now().minusMonths(6).toString(), "periodEnd", LocalDate.now().toString(), "chair",
				f.manager.username(), "attendees", f.top.username());
		String reviewPage = scheduled.getResponse().getRedirectedUrl();
		assertThat(page(reviewPage, manager)).contains("9.3.2 a").contains("9.3.2 h").contains("assembled now");
		assertThat(flash(post(reviewPage + "/hold", manager))).contains("frozen");
		MvcTestResult bad = post(reviewPage + "/output", manager, "minutes", "Fine", "actions", "nobody-at-all | soon | x");
		assertThat(String.valueOf(bad.getMvcResult().getFlashMap().get("flashError"))).contains("line 1: 'soon' is not a date");
		assertThat(flash(post(reviewPage + "/output", manager, "minutes", "The AIMS works.", "decisions", "Keep going", "actions",
				f.manager.username() + " | " + LocalDate.now().plusMonths(2) + " | Review the AI policy"))).contains("1 action(s)");
		assertThat(flash(post(reviewPage + "/submit", manager))).contains("top management");
		String reviewAction = api.body(api.get(f.manager, "/api/v1" + reviewPage.replace("/assurance/reviews", "/management-reviews")),
				HttpStatus.OK).get("actions").get(0).get("id").asString();
		assertThat(flash(post(reviewPage + "/actions/" + reviewAction, manager, "status", "DONE"))).contains("marked done").contains("0 of 1 still open");
		assertThat(page(reviewPage, as(f.top, "TOP_MANAGEMENT"))).contains("as presented").contains("Review the AI policy");

		long tag = System.nanoTime();
		MvcTestResult added = post("/assurance/context", manager, "kind", "INTERESTED_PARTY", "title", "Credit applicants " + tag,
				"requirements", "Explanations of automated decisions", "owner", f.manager.username());
		assertThat(flash(added)).contains("version 1");
		String entry = api.body(api.get(f.manager, "/api/v1/context-entries?kind=INTERESTED_PARTY&q=" + tag), HttpStatus.OK)
			.get("items").get(0).get("id").asString();
		assertThat(flash(post("/assurance/context/" + entry + "/review", manager))).contains("still holding");
		assertThat(flash(post("/assurance/context/" + entry, manager, "kind", "INTERESTED_PARTY", "title", "Credit applicants " + tag, "requirements",
				"Explanations of automated decisions and a human review", "addressed", "true", "owner", f.manager.username()))).contains("version 2");
		assertThat(page("/assurance/context", as(f.top, "TOP_MANAGEMENT"))).contains("Explanations of automated decisions and a human review");
		assertThat(page("/assurance", as(users.create(Role.VIEWER), "VIEWER"))).contains("Audit programmes").contains("Overdue corrective actions");
		assertThat(page("/assurance/nonconformities", manager)).contains("Raised per month");
		MvcTestResult denied = post("/assurance/context", as(f.top, "TOP_MANAGEMENT"), "kind", "INTERNAL_ISSUE", "title", "x", "owner",
				f.manager.username());
		assertThat(denied).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(api.body(api.get(f.manager, "/api/v1/context-entries/" + entry), HttpStatus.OK).get("reviewedOn").asString())
			.isEqualTo(LocalDate.now(java.time.ZoneOffset.UTC).toString());
	}

	private static RequestPostProcessor as(TestUser u, String role) {
		return user(u.username()).roles(role);
	}

	private MvcTestResult post(String uri, RequestPostProcessor as, String... fields) {
		return new PageForms(mvc).post(uri, as, fields);
	}

	private static String flash(MvcTestResult result) {
		return PageForms.flash(result);
	}

	private String page(String uri, RequestPostProcessor as) {
		return new PageForms(mvc).page(uri, as);
	}
}
