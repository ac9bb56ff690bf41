package org.openaims.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openaims.AimsTest;
import org.openaims.Api;
import org.openaims.TestUsers;
import org.openaims.TestUsers.TestUser;
import org.openaims.identity.Role;
import org.openaims.ledger.LedgerTestSupport;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/** AI objectives (6.2) with progress over time, through the REST API. */
@AimsTest
class ObjectiveApiTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	TestUser manager;

	TestUser owner;

	String tag;

	@BeforeEach
	void setUp() {
		manager = users.create(Role.AIMS_MANAGER);
		owner = users.create(Role.SYSTEM_OWNER);
		tag = UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void anObjectiveIsSetLinkedMeasuredAndChanged() {
		String system = system("Chatbot " + tag);
		Map<String, Object> objective = objective("Fewer wrong answers " + tag, LocalDate.now().plusMonths(6), List.of(system));
		JsonNode set = api.body(api.post(manager, "/api/v1/objectives", objective), HttpStatus.CREATED);
		String id = set.get("id").asString();
		assertThat(set.get("status").asString()).isEqualTo("NOT_STARTED");
		assertThat(set.get("aiSystems").get(0).get("name").asString()).isEqualTo("Chatbot " + tag);

		// The owner records progress; the latest status follows.
		api.body(api.post(owner, "/api/v1/objectives/" + id + "/progress", Map.of("value", "4.1%", "recordedOn",
				LocalDate.now().minusDays(30).toString())), HttpStatus.OK);
		JsonNode measured = api.body(api.post(owner, "/api/v1/objectives/" + id + "/progress", Map.of("value", "3.2%", "note",
				"new retrieval index", "status", "ON_TRACK")), HttpStatus.OK);
		assertThat(measured.get("status").asString()).isEqualTo("ON_TRACK");
		List<String> values = new ArrayList<>();
		measured.get("progress").forEach(p -> values.add(p.get("value").asString()));
		assertThat(values).containsExactly("4.1%", "3.2%");

		objective.put("target", "below 2% by the end of the year");
		objective.put("status", "AT_RISK");
		objective.put("version", measured.get("version").asLong());
		JsonNode changed = api.body(api.put(owner, "/api/v1/objectives/" + id, objective), HttpStatus.OK);
		assertThat(changed.get("target").asString()).isEqualTo("below 2% by the end of the year");
		// A stale version is refused rather than overwriting the other change.
		objective.put("version", set.get("version").asLong());
		api.problem(api.put(owner, "/api/v1/objectives/" + id, objective), HttpStatus.CONFLICT, null, "changed meanwhile");

		List<String> listed = new ArrayList<>();
		api.body(api.get(owner, "/api/v1/objectives?aiSystem=" + system), HttpStatus.OK).get("items")
			.forEach(o -> listed.add(o.get("id").asString()));
		assertThat(listed).containsExactly(id);
		assertThat(api.csv(api.get(owner, "/api/v1/objectives/export?q=" + tag))).contains("Fewer wrong answers " + tag)
			.contains("AT_RISK").contains("3.2%");

		LedgerTestSupport.awaitRecorded(jdbc);
		List<String> events = new ArrayList<>();
		api.body(api.get(owner, "/api/v1/objectives/" + id + "/history"), HttpStatus.OK).forEach(e -> events.add(e.get("event").asString()));
		assertThat(events).containsExactly("ObjectiveSet", "ObjectiveProgressRecorded", "ObjectiveProgressRecorded", "ObjectiveChanged");
	}

	@Test
	void overdueObjectivesAreFilteredAndClosedOnesTakeNoProgress() {
		String late = api.body(api.post(manager, "/api/v1/objectives", objective("Late " + tag, LocalDate.now().minusDays(1), List.of())),
				HttpStatus.CREATED).get("id").asString();
		String onTime = api.body(api.post(manager, "/api/v1/objectives",
				objective("On time " + tag, LocalDate.now().plusDays(10), List.of())), HttpStatus.CREATED).get("id").asString();
		List<String> overdue = new ArrayList<>();
		api.body(api.get(owner, "/api/v1/objectives?overdue=true&q=" + tag), HttpStatus.OK).get("items")
			.forEach(o -> overdue.add(o.get("id").asString()));
		assertThat(overdue).containsExactly(late);
		assertThat(api.body(api.get(owner, "/api/v1/objectives/" + onTime), HttpStatus.OK).get("overdue").asBoolean()).isFalse();

		api.body(api.post(owner, "/api/v1/objectives/" + late + "/progress", Map.of("value", "done", "status", "ACHIEVED")),
				HttpStatus.OK);
		api.problem(api.post(owner, "/api/v1/objectives/" + late + "/progress", Map.of("value", "more")), HttpStatus.CONFLICT, null,
				"achieved");
		assertThat(api.body(api.get(owner, "/api/v1/objectives/" + late), HttpStatus.OK).get("overdue").asBoolean()).isFalse();
	}

	@Test
	void badInputAndOtherPeoplesObjectivesAreRefused() {
		Map<String, Object> objective = objective("Bad " + tag, LocalDate.now(), List.of());
		objective.remove("measure");
		api.problem(api.post(manager, "/api/v1/objectives", objective), HttpStatus.BAD_REQUEST, "measure", null);
		objective = objective("Bad " + tag, LocalDate.now(), List.of(UUID.randomUUID().toString()));
		api.problem(api.post(manager, "/api/v1/objectives", objective), HttpStatus.BAD_REQUEST, "aiSystemIds", "no AI system");
		objective = objective("Bad " + tag, LocalDate.now(), List.of("not-a-uuid"));
		api.problem(api.post(manager, "/api/v1/objectives", objective), HttpStatus.BAD_REQUEST, "aiSystemIds[0]", "not a UUID");
		objective = objective("Bad " + tag, LocalDate.now(), List.of());
		objective.put("dueDate", "31/12/2027");
		api.problem(api.post(manager, "/api/v1/objectives", objective), HttpStatus.BAD_REQUEST, "dueDate", null);
		objective = objective("Bad " + tag, LocalDate.now(), List.of());
		objective.put("status", "DONE");
		api.problem(api.post(manager, "/api/v1/objectives", objective), HttpStatus.BAD_REQUEST, "status", null);
		objective = objective("Bad " + tag, LocalDate.now(), List.of());
		objective.put("owner", "ghost-" + tag);
		api.problem(api.post(manager, "/api/v1/objectives", objective), HttpStatus.BAD_REQUEST, "owner", "no active user");
		api.problem(api.post(owner, "/api/v1/objectives", objective("Mine " + tag, LocalDate.now(), List.of())), HttpStatus.FORBIDDEN,
				null, null);
		api.problem(api.get(owner, "/api/v1/objectives?sort=colour"), HttpStatus.BAD_REQUEST, "sort", null);
		api.problem(api.get(owner, "/api/v1/objectives?after=garbage"), HttpStatus.BAD_REQUEST, "after", null);

		String id = api.body(api.post(manager, "/api/v1/objectives", objective("Good " + tag, LocalDate.now(), List.of())),
				HttpStatus.CREATED).get("id").asString();
		api.problem(api.post(owner, "/api/v1/objectives/" + id + "/progress", Map.of("value", "1", "recordedOn",
				LocalDate.now().plusDays(2).toString())), HttpStatus.BAD_REQUEST, "recordedOn", "future");
		api.problem(api.post(owner, "/api/v1/objectives/" + id + "/progress", Map.of("value", " ")), HttpStatus.BAD_REQUEST, "value",
				null);
		TestUser stranger = users.create(Role.CONTRIBUTOR);
		api.problem(api.post(stranger, "/api/v1/objectives/" + id + "/progress", Map.of("value", "1")), HttpStatus.FORBIDDEN, null,
				"only the owner");
		api.problem(api.get(stranger, "/api/v1/objectives/" + UUID.randomUUID()), HttpStatus.NOT_FOUND, null, null);
	}

	@Test
	void pagesOfObjectivesFollowTheDueDate() {
		for (int i = 0; i < 5; i++) {
			api.body(api.post(manager, "/api/v1/objectives", objective("Paged " + tag + " " + i, LocalDate.now().plusDays(5 - i % 3),
					List.of())), HttpStatus.CREATED);
		}
		List<String> seen = new ArrayList<>();
		List<LocalDate> dates = new ArrayList<>();
		String after = null;
		do {
			JsonNode page = api.body(api.get(owner, "/api/v1/objectives?limit=2&q=Paged " + tag + (after == null ? "" : "&after=" + after)),
					HttpStatus.OK);
			page.get("items").forEach(o -> {
				seen.add(o.get("title").asString());
				dates.add(LocalDate.parse(o.get("dueDate").asString()));
			});
			after = page.get("next") == null || page.get("next").isNull() ? null : page.get("next").asString();
		}
		while (after != null);
		assertThat(seen).hasSize(5).doesNotHaveDuplicates();
		assertThat(dates).isSorted();
	}

	private String system(String name) {
		Map<String, Object> system = Map.of("name", name, "intendedPurpose", "x", "organizationRoles", List.of("DEPLOYER"),
				"lifecycleStage", "OPERATING", "riskTier", "MEDIUM", "owner", owner.username());
		return api.body(api.post(manager, "/api/v1/ai-systems", system), HttpStatus.CREATED).get("id").asString();
	}

	private Map<String, Object> objective(String title, LocalDate due, List<String> systems) {
		Map<String, Object> objective = new HashMap<>();
		objective.put("title", title);
		objective.put("measure", "share of answers flagged wrong in weekly review");
		objective.put("target", "below 3%");
		objective.put("owner", owner.username());
		objective.put("dueDate", due.toString());
		objective.put("aiSystemIds", systems);
		return objective;
	}
}
