package org.openaims.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openaims.lifecycle.LifecycleFixture.id;
import static org.openaims.lifecycle.LifecycleFixture.metrics;
import static org.openaims.lifecycle.LifecycleFixture.report;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openaims.AimsTest;
import org.openaims.Api;
import org.openaims.PageForms;
import org.openaims.TestUsers;
import org.openaims.lifecycle.LifecycleFixture;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The lifecycle pages: a change opened with the form, its page with the gate's rules, asking the gate
 * and seeing the decision; a run with its metrics against the thresholds; the system page's trend chart
 * (SVG), thresholds saved from the text area and the deployment timeline; the gate policy refused with
 * its line and saved.
 */
@AimsTest
class LifecyclePagesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestUsers users;

	@Autowired
	Api api;

	LifecycleFixture f;

	RequestPostProcessor asOwner;

	RequestPostProcessor asManager;

	@BeforeEach
	void setUp() {
		f = new LifecycleFixture(api, users, mvc);
		asOwner = user(f.owner.username()).roles("SYSTEM_OWNER");
		asManager = user(f.manager.username()).roles("AIMS_MANAGER");
	}

	@Test
	void aChangeIsOpenedGatedAndItsPagesShowWhatHappened() {
		f.policyInForce(org.openaims.lifecycle.LifecycleFixture.POLICY);
		String system = f.system("Paged " + LifecycleFixture.unique(), "LOW");
		JsonNode run = api.body(f.push(f.contributor, system, "1.1", metrics(0.95, 0.001), report(4, 1)), HttpStatus.CREATED);
		api.body(f.push(f.contributor, system, "1.2", metrics(0.97, 0.002), report(4, 0)), HttpStatus.CREATED);
		assertThat(page("/lifecycle/changes/new?aiSystem=" + system, asOwner)).contains("Open a change").contains("Rollback plan");

		MvcTestResult refused = mvc.post().uri("/lifecycle/changes/new").with(asOwner).with(csrf()).param("aiSystemId", system)
			.param("toVersion", "1.1").param("type", "MODEL_RETRAINED").param("title", "").param("significance", "MINOR")
			.param("testRunIds", "not-an-id").exchange();
		assertThat(refused).hasStatusOk();
		assertThat(body(refused)).contains("&#39;not-an-id&#39; is not a test run id");

		MvcTestResult opened = mvc.post().uri("/lifecycle/changes/new").with(asOwner).with(csrf()).param("aiSystemId", system)
			.param("fromVersion", "1.0").param("toVersion", "1.1").param("type", "DATA_CHANGED").param("title", "More data")
			.param("significance", "MINOR").param("testRunIds", id(run)).param("rollbackSteps", "redeploy 1.0")
			.param("rollbackTriggers", "errors").param("rollbackOwner", f.owner.username()).exchange();
		assertThat(opened).hasStatus(HttpStatus.FOUND);
		String change = opened.getResponse().getRedirectedUrl();
		assertThat(String.valueOf(opened.getMvcResult().getFlashMap().get("flash"))).contains("Change opened").contains("minor change");
		assertThat(page(change, asOwner)).contains("More data").contains("redeploy 1.0").contains("The gate as the records stand")
			.contains("1 failing");

		MvcTestResult decided = mvc.post().uri(change + "/gate").with(asOwner).with(csrf()).exchange();
		assertThat(decided).hasStatus(HttpStatus.FOUND);
		assertThat(String.valueOf(decided.getMvcResult().getFlashMap().get("flash"))).contains("Gate decision recorded: DENY").contains("Failed: ");
		assertThat(page(change, asOwner)).contains("signed statement");

		assertThat(page(change + "/edit", asOwner)).contains("Change a change ticket").contains("redeploy 1.0");
		MvcTestResult edited = mvc.post().uri(change + "/edit").with(asOwner).with(csrf()).param("fromVersion", "1.0").param("type", "DATA_CHANGED")
			.param("title", "More data").param("significance", "MINOR").param("testRunIds", id(run)).param("rollbackSteps", "redeploy 1.0")
			.param("rollbackTriggers", "errors").param("rollbackOwner", f.owner.username())
			.param("rollbackTestedOn", java.time.LocalDate.now().minusDays(1).toString()).exchange();
		assertThat(edited).hasStatus(HttpStatus.FOUND);
		assertThat(String.valueOf(edited.getMvcResult().getFlashMap().get("flash"))).contains("Change saved")
			.contains("Rollback plan tested on " + java.time.LocalDate.now().minusDays(1));
		MvcTestResult refusedEdit = mvc.post().uri(change + "/edit").with(asOwner).with(csrf()).param("type", "DATA_CHANGED").param("title", "x")
			.param("significance", "MINOR").param("rollbackOwner", "nobody-" + LifecycleFixture.unique()).exchange();
		assertThat(refusedEdit).hasStatusOk();
		assertThat(body(refusedEdit)).contains("no active user is named");

		MvcTestResult submitted = mvc.post().uri(change + "/submit").with(asOwner).with(csrf()).exchange();
		assertThat(String.valueOf(submitted.getMvcResult().getFlashMap().get("flash"))).contains("Submitted for approval");

		assertThat(page("/lifecycle/test-runs/" + id(run), asOwner)).contains("5 tests: 4 passed, 1 failed").contains("fails 0")
			.contains("accuracy");
		assertThat(page("/lifecycle?aiSystem=" + system, asOwner)).contains("More data").contains("4/5");
	}

	@Test
	void theSystemPageDrawsTrendsAndSavesThresholdsFromText() {
		String system = f.system("Trend " + LifecycleFixture.unique(), "LOW");
		f.thresholdsInForce(system, List.of(LifecycleFixture.threshold("accuracy", "AT_LEAST", 0.92)));
		api.body(f.push(f.contributor, system, "1.0", metrics(0.90, 0.004), report(1, 0)), HttpStatus.CREATED);
		api.body(f.push(f.contributor, system, "1.1", metrics(0.95, 0.003), report(1, 0)), HttpStatus.CREATED);
		String html = page("/lifecycle/systems/" + system, asOwner);
		assertThat(html).contains("<svg").contains("<polyline").contains("accuracy ≥ 0.92").contains("in force");
		assertThat(html).contains("toxicity_rate");

		MvcTestResult bad = mvc.post().uri("/lifecycle/systems/" + system + "/thresholds").with(asOwner).with(csrf())
			.param("thresholdText", "accuracy is high").exchange();
		assertThat(String.valueOf(bad.getMvcResult().getFlashMap().get("flashError"))).contains("line 1 is not like");
		MvcTestResult saved = mvc.post().uri("/lifecycle/systems/" + system + "/thresholds").with(asOwner).with(csrf())
			.param("thresholdText", "accuracy >= 0.93\ntoxicity_rate <= 0.01 on holdout").exchange();
		assertThat(String.valueOf(saved.getMvcResult().getFlashMap().get("flash"))).contains("Thresholds version 2 saved (2 bounds)");
		assertThat(page("/lifecycle/systems/" + system, asOwner)).contains("toxicity_rate ≤ 0.01 (holdout)");
	}

	@Test
	void theGatePolicyPageRefusesABadRuleNamingItsLineAndSaves() {
		assertThat(page("/lifecycle/gate-policies", asManager)).contains("Release gate policy").contains("tiers:");
		MvcTestResult bad = mvc.post().uri("/lifecycle/gate-policies").with(asManager).with(csrf())
			.param("source", "tiers:\n  LOW:\n    approval: {}\n").exchange();
		assertThat(String.valueOf(bad.getMvcResult().getFlashMap().get("flashError"))).contains("line 3: unknown rule 'approval'");
		MvcTestResult saved = mvc.post().uri("/lifecycle/gate-policies").with(asManager).with(csrf())
			.param("source", "tiers:\n  LOW:\n    tests: {}\n").param("note", "tests only").exchange();
		assertThat(saved).hasStatus(HttpStatus.FOUND);
		assertThat(String.valueOf(saved.getMvcResult().getFlashMap().get("flash"))).contains("saved and submitted for approval");
		assertThat(page(saved.getResponse().getRedirectedUrl(), asManager)).contains("tests only").contains("SUBMITTED");
	}

	private String page(String uri, RequestPostProcessor as) {
		return new PageForms(mvc).page(uri, as);
	}

	private static String body(MvcTestResult result) {
		return PageForms.body(result);
	}
}
