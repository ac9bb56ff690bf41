package org.openaims.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openaims.AimsTest;
import org.openaims.Api;
import org.openaims.PageForms;
import org.openaims.TestUsers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The monitoring pages, driven through their forms: a system's events drawn per hour with its rules, a
 * rule added from the page, an incident reported as serious with its reporting clock on the overview,
 * worked on — timeline, containment and root cause, a report submitted, resolved, closed — each form
 * answering with what changed, or what was wrong.
 */
@AimsTest
class MonitoringPagesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestUsers users;

	@Autowired
	Api api;

	@Test
	void aSystemsEventsAreChartedAndAnIncidentIsWorkedThroughItsForms() {
		MonitoringFixture f = new MonitoringFixture(api, users);
		RequestPostProcessor manager = user(f.manager.username()).roles("AIMS_MANAGER");
		RequestPostProcessor owner = user(f.owner.username()).roles("SYSTEM_OWNER");
		String system = f.system("Charted scorer", "PROVIDER");
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		List<Map<String, Object>> events = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			events.add(MonitoringFixture.metric(system, "accuracy", 0.95, now.minus(Duration.ofMinutes(i * 20L))));
			events.add(MonitoringFixture.event(system, i % 3 == 0 ? "error" : "heartbeat", now.minus(Duration.ofMinutes(i * 20L))));
		}
		f.push(f.manager, events, null, HttpStatus.CREATED);

		String systemPage = "/monitoring/systems/" + system;
		assertThat(flash(post(systemPage + "/rules", owner, "name", "Accuracy floor", "kind", "THRESHOLD", "eventType", "metric", "eventName",
				"accuracy", "direction", "BELOW", "raiseValue", "0.9", "clearValue", "0.92", "forMinutes", "5", "severity", "HIGH")))
			.contains("Rule 'Accuracy floor' watches metric accuracy");
		MvcTestResult bad = post(systemPage + "/rules", owner, "name", "Bad", "kind", "THRESHOLD", "eventType", "metric", "eventName", "accuracy",
				"direction", "BELOW", "raiseValue", "0.9", "clearValue", "0.8");
		assertThat(String.valueOf(bad.getMvcResult().getFlashMap().get("flashError"))).contains("clearValue");
		String page = page(systemPage, owner);
		assertThat(page).contains("<svg").contains("<rect").contains("metric 30").contains("heartbeat 20").contains("error 10")
			.contains("Accuracy floor").contains("proof 0");
		assertThat(post(systemPage + "/rules", user(users.create(org.openaims.identity.Role.SYSTEM_OWNER).username()).roles("SYSTEM_OWNER"), "name",
				"Not mine", "kind", "ABSENCE", "eventType", "heartbeat", "windowMinutes", "60").getResponse().getStatus()).isEqualTo(403);

		MvcTestResult reported = post("/monitoring/incidents/new", owner, "title", "Loan refusals for one postcode", "severity", "HIGH",
				"aiSystemIds", system, "classifications", "SERIOUS");
		assertThat(flash(reported)).contains("reported, owned by " + f.owner.username()).contains("1 report(s) now due");
		String incidentPage = reported.getResponse().getRedirectedUrl();
		assertThat(page(incidentPage, owner)).contains("Serious incident report").contains("h left").contains("EU AI Act art. 73(2)");
		assertThat(page("/monitoring", manager)).contains("Loan refusals for one postcode").contains("Serious incident report");
		assertThat(page("/", manager)).as("the dashboard shows the reporting clock").contains("Incident reports due").contains("h left");
		assertThat(flash(post(incidentPage + "/notes", owner, "note", "Model paused for that region"))).contains("Update added");
		assertThat(flash(post(incidentPage + "/edit", owner, "title", "Loan refusals for one postcode", "severity", "HIGH", "containment",
				"Paused the model for the region", "rootCause", "Postcode leaked into a feature", "classifications", "SERIOUS",
				"classifications", "DEATH"))).contains("Reports:").contains("Serious incident report");
		String report = api.body(api.get(f.manager, "/api/v1/incidents/" + incidentPage.substring(incidentPage.lastIndexOf('/') + 1)),
				HttpStatus.OK).get("reports").get(0).get("id").asString();
		assertThat(flash(post(incidentPage + "/reports/" + report + "/submit", owner, "reference", "MSA-2026-001"))).contains("its clock stopped");
		assertThat(flash(post(incidentPage + "/resolve", owner, "note", "Feature removed"))).contains("Resolved");
		assertThat(post(incidentPage + "/close", owner).getResponse().getStatus()).isEqualTo(403);
		assertThat(flash(post(incidentPage + "/close", manager, "note", "Lessons recorded"))).contains("Closed");
		String closed = page(incidentPage, manager);
		assertThat(closed).contains("CLOSED").contains("Model paused for that region").contains("MSA-2026-001").contains("Postcode leaked");
		assertThat(page("/monitoring/incidents?status=CLOSED", manager)).contains("Loan refusals for one postcode");
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
