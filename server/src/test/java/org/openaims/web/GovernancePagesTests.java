package org.openaims.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openaims.AimsTest;
import org.openaims.PageForms;
import org.openaims.TestUsers;
import org.openaims.TestUsers.TestUser;
import org.openaims.identity.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The governance pages: policies with approval and acknowledgement, approvals inbox, RACI, objectives, concerns. */
@AimsTest
class GovernancePagesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	TestUser manager;

	TestUser approver;

	RequestPostProcessor asManager;

	RequestPostProcessor asApprover;

	String tag;

	@BeforeEach
	void setUp() {
		manager = users.create(Role.AIMS_MANAGER);
		approver = users.create(Role.APPROVER);
		asManager = user(manager.username()).roles("AIMS_MANAGER");
		asApprover = user(approver.username()).roles("APPROVER");
		tag = UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void aPolicyIsWrittenApprovedPublishedAndAcknowledgedInTheBrowser() {
		assertThat(page("/policies/new", asManager)).contains("New policy");
		MvcTestResult invalid = mvc.post().uri("/policies/new").with(asManager).with(csrf()).param("title", "")
			.param("owner", manager.username()).param("reviewIntervalMonths", "12").param("approvalsRequired", "1")
			.param("addresses", "5.2, five").exchange();
		assertThat(invalid).hasStatusOk().bodyText().contains("is-invalid").contains("must not be blank")
			.contains("is not a clause or control id");

		MvcTestResult created = mvc.post().uri("/policies/new").with(asManager).with(csrf()).param("title", "AI policy " + tag)
			.param("owner", manager.username()).param("reviewIntervalMonths", "12").param("approvalsRequired", "1")
			.param("addresses", "5.2, A.2.2").param("body", "# Our AI policy\n\nWe <script>alert(1)</script> care.").exchange();
		assertThat(created).hasStatus(HttpStatus.FOUND);
		String policy = created.getResponse().getRedirectedUrl();
		String version = policy + "/versions/1";
		assertThat(page(version, asManager)).contains("<h1>Our AI policy</h1>").contains("&lt;script&gt;")
			.doesNotContain("<script>alert").contains("Submit for approval");

		assertThat(mvc.post().uri(version + "/submit").with(asManager).with(csrf()).exchange()).hasStatus(HttpStatus.FOUND);
		String approvalId = jdbc.sql("SELECT a.id FROM approval_requests a JOIN policy_versions v ON a.item_id = CAST(v.id AS VARCHAR(100)) "
				+ "JOIN policies p ON p.id = v.policy_id WHERE p.title = :t").param("t", "AI policy " + tag).query(UUID.class).single().toString();
		// The approver finds it in the inbox; the author has no decision form and is refused with the reason.
		assertThat(page("/approvals", asApprover)).contains("AI policy " + tag);
		assertThat(page("/approvals/" + approvalId, asManager)).doesNotContain("id=\"decide\"");
		assertThat(mvc.post().uri("/approvals/" + approvalId + "/decide").with(asManager).with(csrf()).param("decision", "APPROVE")
			.exchange()).hasStatus(HttpStatus.FORBIDDEN).bodyText().contains("segregation of duties");
		assertThat(page("/approvals/" + approvalId, asApprover)).contains("id=\"decide\"");
		assertThat(mvc.post().uri("/approvals/" + approvalId + "/decide").with(asApprover).with(csrf()).param("decision", "APPROVE")
			.param("comment", "clear and complete").exchange()).hasStatus(HttpStatus.FOUND);
		assertThat(page("/approvals/" + approvalId, asApprover)).contains("clear and complete").doesNotContain("id=\"decide\"");

		assertThat(page(version, asManager)).contains("Publish");
		assertThat(mvc.post().uri(version + "/publish").with(asManager).with(csrf()).exchange()).hasStatus(HttpStatus.FOUND);
		TestUser reader = users.create(Role.VIEWER);
		RequestPostProcessor asReader = user(reader.username()).roles("VIEWER");
		assertThat(page(policy, asReader)).contains("I have read this policy").contains("id=\"coverage\"");
		assertThat(mvc.post().uri(policy + "/acknowledge").with(asReader).with(csrf()).exchange()).hasStatus(HttpStatus.FOUND);
		assertThat(page(policy, asReader)).contains("You have acknowledged this version").doesNotContain("I have read this policy");

		// A new draft, edited, compared with the published text.
		assertThat(mvc.post().uri(policy + "/versions").with(asManager).with(csrf()).exchange()).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.post().uri(policy + "/versions/2").with(asManager).with(csrf()).param("body", "# Our AI policy\n\nWe care a lot.")
			.param("changeSummary", "stronger").exchange()).hasStatus(HttpStatus.FOUND);
		assertThat(page(policy + "/diff?from=1&to=2", asReader)).contains("diff-removed").contains("diff-added").contains("We care a lot.");
		assertThat(page("/policies?q=" + tag, asReader)).contains("AI policy " + tag);
		// A published version shows no edit form; the edit is refused with a message, not a crash.
		assertThat(page(version, asManager)).doesNotContain("Save draft");
	}

	@Test
	void theRaciPageShowsGapsAndRefusesTwoAccountables() {
		String system = jdbc.sql("SELECT id FROM ai_systems WHERE in_scope = TRUE AND retired_at IS NULL ORDER BY name LIMIT 1")
			.query(UUID.class).optional().map(UUID::toString).orElse(null);
		if (system == null) {
			MvcTestResult created = mvc.post().uri("/ai-systems/new").with(asManager).with(csrf()).param("name", "RACI system " + tag)
				.param("intendedPurpose", "x").param("organizationRoles", "DEPLOYER").param("lifecycleStage", "IDEA")
				.param("riskTier", "LOW").param("owner", manager.username()).param("inScope", "true").exchange();
			system = created.getResponse().getRedirectedUrl().substring("/ai-systems/".length());
		}
		jdbc.sql("DELETE FROM responsibilities WHERE subject_ref = :s").param("s", system).update();
		assertThat(page("/responsibilities", asManager)).contains("id=\"gaps\"").contains("no one accountable");
		String form = "/responsibilities/edit?type=AI_SYSTEM&ref=" + system;
		assertThat(page(form, asManager)).contains("Accountable");
		MvcTestResult two = mvc.post().uri(form).with(asManager).with(csrf()).param("accountable", manager.username() + ", AIMS_MANAGER")
			.param("responsible", "").exchange();
		assertThat(two).hasStatusOk().bodyText().contains("exactly one Accountable (A), found 2");
		MvcTestResult oversight = mvc.post().uri(form).with(asManager).with(csrf()).param("accountable", manager.username())
			.param("oversight", "somebody").exchange();
		assertThat(oversight).hasStatusOk().bodyText().contains("holds no letter");
		assertThat(mvc.post().uri(form).with(asManager).with(csrf()).param("accountable", manager.username())
			.param("responsible", "SYSTEM_OWNER").param("oversight", "SYSTEM_OWNER").exchange()).hasStatus(HttpStatus.FOUND);
		String matrix = page("/responsibilities", asManager);
		assertThat(matrix).contains(manager.username()).contains("human oversight");
		assertThat(page(form, asManager)).contains("ResponsibilitiesAssigned").contains("value=\"" + manager.username() + "\"");
	}

	@Test
	void objectivesAreSetAndMeasuredInTheBrowser() {
		assertThat(page("/objectives/new", asManager)).contains("Set objective");
		assertThat(mvc.post().uri("/objectives/new").with(asManager).with(csrf()).param("title", "Fair screening " + tag)
			.param("measure", "").param("target", "ratio above 0.8").param("owner", manager.username())
			.param("dueDate", LocalDate.now().plusMonths(3).toString()).param("status", "NOT_STARTED").exchange())
			.hasStatusOk().bodyText().contains("must not be blank");
		MvcTestResult created = mvc.post().uri("/objectives/new").with(asManager).with(csrf()).param("title", "Fair screening " + tag)
			.param("measure", "selection rate ratio between age groups").param("target", "ratio above 0.8")
			.param("owner", manager.username()).param("dueDate", LocalDate.now().plusMonths(3).toString())
			.param("status", "NOT_STARTED").exchange();
		assertThat(created).hasStatus(HttpStatus.FOUND);
		String objective = created.getResponse().getRedirectedUrl();
		assertThat(mvc.post().uri(objective + "/progress").with(asManager).with(csrf()).param("value", "")
			.param("recordedOn", LocalDate.now().toString()).exchange()).hasStatusOk().bodyText().contains("must not be blank");
		assertThat(mvc.post().uri(objective + "/progress").with(asManager).with(csrf()).param("value", "0.74")
			.param("recordedOn", LocalDate.now().toString()).param("status", "AT_RISK").exchange()).hasStatus(HttpStatus.FOUND);
		assertThat(page(objective, asManager)).contains("0.74").contains("at risk");
		assertThat(page("/objectives?q=" + tag, asManager)).contains("Fair screening " + tag).contains("0.74");
	}

	@Test
	void aConcernIsReportedAnonymouslyWithoutSigningInAndFollowedWithItsReceipt() throws Exception {
		TestUser reporter = users.create(Role.VIEWER);
		RequestPostProcessor asReporter = user(reporter.username()).roles("VIEWER");
		assertThat(page("/concerns/new", asReporter)).contains("Report a concern").contains("/report-concern");
		assertThat(mvc.post().uri("/concerns/new").with(asReporter).with(csrf()).param("summary", "").param("description", "x")
			.exchange()).hasStatusOk().bodyText().contains("must not be blank");
		assertThat(mvc.get().uri("/login").exchange()).bodyText().contains("/report-concern");

		// Nobody signed in, no session: the public form.
		assertThat(mvc.get().uri("/report-concern").exchange()).hasStatusOk().bodyText().contains("nothing about you is kept");
		assertThat(mvc.post().uri("/report-concern").param("summary", "").param("description", "x").exchange()).hasStatusOk()
			.bodyText().contains("must not be blank");
		MvcTestResult reported = mvc.post().uri("/report-concern").param("summary", "Chatbot insults " + tag)
			.param("description", "It called a customer stupid.").exchange();
		assertThat(reported).hasStatusOk();
		assertThat(reported.getResponse().getCookie("SESSION")).isNull();
		String body = reported.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		java.util.regex.Matcher code = java.util.regex.Pattern.compile("[A-Z2-9]{4}(-[A-Z2-9]{4}){4}").matcher(body);
		assertThat(code.find()).as("the receipt code is shown").isTrue();
		String receipt = code.group();

		String concern = "/concerns/" + jdbc.sql("SELECT id FROM concerns WHERE summary = :s").param("s", "Chatbot insults " + tag)
			.query(java.util.UUID.class).single();
		String handled = page(concern, asManager);
		assertThat(handled).contains("Chatbot insults " + tag).contains("Triage").contains("anonymous");
		assertThat(page("/concerns?q=" + tag, asManager)).contains("anonymous");
		assertThat(mvc.post().uri(concern + "/triage").with(asManager).with(csrf()).param("status", "RESOLVED").param("note", "done")
			.exchange()).hasStatusOk().bodyText().contains("how the concern was resolved");
		assertThat(mvc.post().uri(concern + "/triage").with(asManager).with(csrf()).param("status", "RESOLVED").param("note", "done")
			.param("resolution", "Prompt guard added").exchange()).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.post().uri("/report-concern/follow").param("receipt", receipt.toLowerCase()).exchange()).hasStatusOk()
			.bodyText().contains("Prompt guard added").contains("resolved");
		assertThat(mvc.post().uri("/report-concern/follow").param("receipt", "AAAA-BBBB-CCCC-DDDD-EEEE").exchange()).hasStatusOk()
			.bodyText().contains("no concern has this receipt code");
		// A signed-in user never sees it as theirs.
		assertThat(mvc.get().uri(concern).with(asReporter).exchange()).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void everyGovernancePageRendersItsTexts() {
		for (String uri : new String[] { "/policies", "/policies?overdue=true", "/approvals", "/approvals?status=PENDING",
				"/responsibilities", "/objectives", "/objectives?overdue=true", "/concerns", "/concerns/new" }) {
			String body = page(uri, asManager);
			assertThat(body).as(uri).doesNotContain("??").contains("</html>");
		}
		assertThat(mvc.get().uri("/policies/export").with(asManager).exchange()).hasStatusOk();
		assertThat(mvc.get().uri("/objectives/export").with(asManager).exchange()).hasStatusOk();
		assertThat(mvc.get().uri("/concerns/export").with(asManager).exchange()).hasStatusOk();
		assertThat(mvc.get().uri("/approvals/export").with(asManager).exchange()).hasStatusOk();
		assertThat(mvc.get().uri("/responsibilities/export").with(asManager).exchange()).hasStatusOk();
	}

	private String page(String uri, RequestPostProcessor as) {
		return new PageForms(mvc).page(uri, as);
	}
}
