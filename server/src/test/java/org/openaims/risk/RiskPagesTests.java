package org.openaims.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openaims.AimsTest;
import org.openaims.Api;
import org.openaims.TestUsers;
import org.openaims.TestUsers.TestUser;
import org.openaims.identity.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The risk register, heat map, risk detail with treatment plan, impact assessment and criteria pages. */
@AimsTest
class RiskPagesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	TestUser manager;

	RequestPostProcessor asManager;

	String tag;

	@BeforeEach
	void setUp() {
		RiskFixtures.inForce(api, users);
		manager = users.create(Role.AIMS_MANAGER);
		asManager = user(manager.username()).roles("AIMS_MANAGER");
		tag = UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void aRiskIsEnteredTreatedAndFoundOnTheHeatMap() {
		String system = RiskFixtures.system(api, manager, "Page system " + tag);
		// Refused forms keep the input and say why.
		MvcTestResult refused = mvc.post().uri("/risks/new").with(asManager).with(csrf()).param("title", "").param("category", "bias")
			.param("inherentLikelihood", "9").param("inherentImpact", "2").param("owner", manager.username())
			.param("reviewDate", LocalDate.now().plusMonths(3).toString()).exchange();
		assertThat(refused).hasStatusOk().bodyText().contains("is-invalid");
		MvcTestResult outOfScale = mvc.post().uri("/risks/new").with(asManager).with(csrf()).param("title", "Scale " + tag)
			.param("category", "bias").param("inherentLikelihood", "9").param("inherentImpact", "2").param("owner", manager.username())
			.param("reviewDate", LocalDate.now().plusMonths(3).toString()).exchange();
		assertThat(outOfScale).hasStatusOk().bodyText().contains("between 1 and 5");

		MvcTestResult created = mvc.post().uri("/risks/new").with(asManager).with(csrf()).param("title", "Page risk " + tag)
			.param("aiSystemId", system).param("category", "robustness").param("cause", "drift").param("inherentLikelihood", "4")
			.param("inherentImpact", "5").param("owner", manager.username()).param("reviewDate", LocalDate.now().plusMonths(3).toString())
			.exchange();
		assertThat(created).hasStatus(HttpStatus.FOUND);
		String location = created.getResponse().getRedirectedUrl();
		assertThat(page(location)).contains("Page risk " + tag).contains("Critical");

		MvcTestResult badPlan = mvc.post().uri(location + "/treatment").with(asManager).with(csrf()).param("option", "MODIFY")
			.param("actions[0].title", "Drift monitor").param("actions[0].owner", manager.username())
			.param("actions[0].dueDate", LocalDate.now().plusDays(20).toString()).param("actions[0].status", "OPEN")
			.param("actions[0].controls", "A.6.2.6, A.99.9").exchange();
		assertThat(badPlan).hasStatusOk().bodyText().contains("no control &#39;A.99.9&#39;");
		MvcTestResult plan = mvc.post().uri(location + "/treatment").with(asManager).with(csrf()).param("option", "MODIFY")
			.param("targetLikelihood", "2").param("targetImpact", "3").param("actions[0].title", "Drift monitor")
			.param("actions[0].owner", manager.username()).param("actions[0].dueDate", LocalDate.now().plusDays(20).toString())
			.param("actions[0].status", "OPEN").param("actions[0].controls", "A.6.2.6").param("actions[1].title", "")
			.exchange();
		assertThat(plan).hasStatus(HttpStatus.FOUND);
		assertThat(page(location)).contains("Drift monitor").contains("A.6.2.6");
		assertThat(page(location + "/treatment")).contains("value=\"Drift monitor\"");

		assertThat(mvc.post().uri(location + "/residual").with(asManager).with(csrf()).param("likelihood", "2").param("impact", "3").exchange())
			.hasStatus(HttpStatus.FOUND);
		MvcTestResult acceptance = mvc.post().uri(location + "/acceptance").with(asManager).with(csrf()).param("rationale", "fine").exchange();
		assertThat(acceptance).hasStatus(HttpStatus.FOUND);
		assertThat(acceptance).flash().containsKey("flashError");
		assertThat((String) acceptance.getMvcResult().getFlashMap().get("flashError")).contains("open treatment actions");

		String heat = page("/risks/heatmap?aiSystem=" + system);
		assertThat(heat).contains("data-likelihood=\"4\" data-impact=\"5\" data-count=\"1\"");
		assertThat(heat).contains("data-likelihood=\"3\" data-impact=\"3\" data-count=\"0\"");
		String cell = page("/risks?aiSystem=" + system + "&scores=INHERENT&likelihood=4&impact=5");
		assertThat(cell).contains("Page risk " + tag).contains("1 risks");
		assertThat(page("/risks?aiSystem=" + system + "&scores=RESIDUAL&likelihood=4&impact=5")).contains("0 risks");
		assertThat(page("/risks?q=" + tag)).contains("Page risk " + tag);
		assertThat(mvc.get().uri("/risks/export?format=xlsx&q=" + tag).with(asManager).exchange()).hasStatusOk();

		// Others may read but not change the risk.
		RequestPostProcessor viewer = user(users.create(Role.VIEWER).username()).roles("VIEWER");
		assertThat(mvc.get().uri(location).with(viewer).exchange()).hasStatusOk().bodyText().doesNotContain("Record assessment");
		assertThat(mvc.post().uri(location + "/residual").with(viewer).with(csrf()).param("likelihood", "1").param("impact", "1").exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void anImpactAssessmentIsWrittenOnItsPage() {
		String system = RiskFixtures.system(api, manager, "IA page " + tag);
		MvcTestResult started = mvc.post().uri("/impact-assessments").with(asManager).with(csrf()).param("aiSystemId", system).exchange();
		assertThat(started).hasStatus(HttpStatus.FOUND);
		String location = started.getResponse().getRedirectedUrl();
		assertThat(page(location)).contains("Screen applications").contains("Fundamental rights");
		MvcTestResult saved = mvc.post().uri(location).with(asManager).with(csrf()).param("intendedUse", "Rank applicants " + tag)
			.param("vulnerableGroups", "Applicants with disabilities").param("impacts[0].area", "FAIRNESS")
			.param("impacts[0].description", "Older applicants ranked lower").param("impacts[0].severity", "4")
			.param("impacts[0].likelihood", "3").param("impacts[0].mitigation", "Bias audit").param("impacts[1].description", "").exchange();
		assertThat(saved).hasStatus(HttpStatus.FOUND);
		String detail = page(location);
		assertThat(detail).contains("Rank applicants " + tag).contains("Older applicants ranked lower");
		MvcTestResult bad = mvc.post().uri(location).with(asManager).with(csrf()).param("intendedUse", "x").param("impacts[0].area", "FAIRNESS")
			.param("impacts[0].description", "y").param("impacts[0].severity", "8").param("impacts[0].likelihood", "1").exchange();
		assertThat(bad).hasStatusOk().bodyText().contains("between 1 and 5");
		assertThat(mvc.post().uri(location + "/submit").with(asManager).with(csrf()).exchange()).hasStatus(HttpStatus.FOUND);
		assertThat(page(location)).contains("in review");
		assertThat(page("/impact-assessments?aiSystem=" + system)).contains("IA page " + tag);
	}

	@Test
	void theCriteriaPageShowsTheMatrixAndRefusesABrokenDraft() {
		assertThat(page("/risk-criteria")).contains("approved, in force").contains("Critical").contains("ADMIN");
		assertThat(page("/risk-criteria/new")).contains("low | Low |");
		MvcTestResult refused = mvc.post().uri("/risk-criteria/new").with(asManager).with(csrf()).param("likelihood", "A\nB")
			.param("impact", "1\n2\n3").param("levels", "low | Low | ADMIN\nhigh | High | WIZARD").param("matrix", "low low low").exchange();
		assertThat(refused).hasStatusOk().bodyText().contains("not a role");
		MvcTestResult scale = mvc.post().uri("/risk-criteria/new").with(asManager).with(csrf()).param("likelihood", "A\nB")
			.param("impact", "1\n2\n3").param("levels", "low | Low | ADMIN\nhigh | High | ADMIN").param("matrix", "low low low").exchange();
		assertThat(scale).hasStatusOk().bodyText().contains("3 to 6 levels");
		assertThat(page("/risks")).contains("AI risk register");
	}

	private String page(String uri) {
		MvcTestResult result = mvc.get().uri(uri).with(asManager).exchange();
		assertThat(result).as(uri).hasStatusOk();
		String body = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(body).as(uri).doesNotContain("??");
		return body;
	}
}
