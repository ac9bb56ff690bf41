package org.openaims.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openaims.monitoring.MonitoringFixture.event;
import static org.openaims.monitoring.MonitoringFixture.metric;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openaims.AimsTest;
import org.openaims.Api;
import org.openaims.TestUsers;
import org.openaims.identity.Role;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Monitoring through the REST API and the CLI: a batch is one ledger entry with its Merkle root and any
 * event's proof verifies offline with {@code aims verify}, also after the event's body was purged; a
 * repeated batch id is stored once; a bad event refuses its whole batch naming it; a threshold rule
 * raises once per breach and clears once; an absence rule raises after its window; reporting deadlines
 * per report type and for a provider and a deployer system.
 */
@AimsTest
class MonitoringApiTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MonitoringJobs jobs;

	@TempDir
	Path dir;

	MonitoringFixture f;

	@BeforeEach
	void setUp() {
		f = new MonitoringFixture(api, users);
	}

	@Test
	void anEventsInclusionProofVerifiesOfflineAlsoAfterItsBodyWasPurged() throws Exception {
		String system = f.system("Proven scorer");
		Instant old = Instant.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
		List<Map<String, Object>> events = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			Map<String, Object> e = metric(system, "accuracy", 0.9 + i / 100.0, old.plusSeconds(i));
			e.put("attributes", Map.of("gen_ai.request.model", "scorer-3", "slice", "région-" + i));
			events.add(e);
		}
		JsonNode receipt = f.push(f.manager, events, "proof-" + System.nanoTime(), HttpStatus.CREATED);
		assertThat(receipt.get("events").asInt()).isEqualTo(7);
		String batch = receipt.get("batchId").asString();
		String keyId = api.body(api.get(f.manager, "/api/v1/ledger/public-key"), HttpStatus.OK).get("keyId").asString();

		String proof = text(api.get(f.manager, "/api/v1/event-batches/" + batch + "/events/5/proof"));
		assertThat(proof).contains("\"merkleRoot\" : \"" + receipt.get("merkleRoot").asString() + "\"");
		Path file = MonitoringFixture.write(dir, "event-5.proof.json", proof);
		Map.Entry<Integer, String> verified = MonitoringFixture.aims(dir, "verify", "--key-id", keyId, file.toString());
		assertThat(verified.getKey()).as(verified.getValue()).isZero();
		assertThat(verified.getValue()).contains("VALID: event 5 of batch " + batch).contains("\"value\":0.95").contains("région-5");

		// one changed character of the event, or another event's index, and the proof fails
		Path tampered = MonitoringFixture.write(dir, "tampered.json", proof.replace("0.95", "0.96"));
		Map.Entry<Integer, String> refused = MonitoringFixture.aims(dir, "verify", "--key-id", keyId, tampered.toString());
		assertThat(refused.getKey()).isEqualTo(1);
		assertThat(refused.getValue()).contains("NOT VALID").contains("does not hash to its leaf");
		Path moved = MonitoringFixture.write(dir, "moved.json", proof.replace("\"index\" : 5", "\"index\" : 4"));
		assertThat(MonitoringFixture.aims(dir, "verify", "--key-id", keyId, moved.toString()).getValue()).contains("does not lead to the batch's Merkle root");
		assertThat(MonitoringFixture.aims(dir, "verify", "--key-id", "0000000000000000", file.toString()).getKey()).isEqualTo(1);

		// the ledger entry of the batch carries its root
		JsonNode entries = api.body(api.get(f.manager, "/api/v1/ledger/entries?subjectType=event-batch&subjectId=" + batch), HttpStatus.OK);
		assertThat(entries.get("items")).hasSize(1);
		assertThat(entries.get("items").get(0).get("type").asString()).isEqualTo("EventBatchAccepted");
		assertThat(entries.get("items").get(0).get("payload").toString()).contains(receipt.get("merkleRoot").asString());

		// retention of one day: the bodies go, the proof stays
		api.body(api.put(f.manager, "/api/v1/monitoring/systems/" + system + "/retention", Map.of("retentionDays", 1)), HttpStatus.OK);
		// (the scheduler's own hourly purge may have run first; either way the bodies are gone)
		jobs.purge(Instant.now());
		assertThat(org.openaims.identity.CurrentUser.runAsSystem(() -> jobs.retention(java.util.UUID.fromString(system))).purgedAt()).isNotNull();
		assertThat(api.body(api.get(f.manager, "/api/v1/events?aiSystem=" + system), HttpStatus.OK).get("items")).isEmpty();
		String after = text(api.get(f.manager, "/api/v1/event-batches/" + batch + "/events/5/proof"));
		assertThat(after).contains("\"canonical\" : null");
		Path purged = MonitoringFixture.write(dir, "purged.json", after);
		Map.Entry<Integer, String> stillValid = MonitoringFixture.aims(dir, "verify", "--key-id", keyId, purged.toString());
		assertThat(stillValid.getKey()).as(stillValid.getValue()).isZero();
		assertThat(stillValid.getValue()).contains("its body was purged; its leaf hash is proven");
		api.problem(api.get(f.manager, "/api/v1/event-batches/" + batch + "/events/7/proof"), HttpStatus.NOT_FOUND, null, "7 events");
	}

	@Test
	void aRepeatedBatchIdIsStoredOnceAndAnotherBatchUnderItIsRefused() {
		String system = f.system("Idempotent scorer");
		String id = "nightly-" + System.nanoTime();
		List<Map<String, Object>> events = List.of(metric(system, "latency_ms", 120, Instant.now()), event(system, "heartbeat", Instant.now()));
		JsonNode first = f.push(f.manager, events, id, HttpStatus.CREATED);
		JsonNode again = f.push(f.manager, events, id, HttpStatus.OK);
		assertThat(again.get("duplicate").asBoolean()).isTrue();
		assertThat(again.get("batchId").asString()).isEqualTo(first.get("batchId").asString());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM event_batches WHERE client_batch_id = :id").param("id", id).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM monitoring_events WHERE ai_system_id = :s").param("s", java.util.UUID.fromString(system))
			.query(Long.class).single()).isEqualTo(2);
		api.problem(api.postBytes(f.manager, "/api/v1/events?batchId=" + id, "application/json",
				api.write(List.of(metric(system, "latency_ms", 121, Instant.now()))).getBytes(StandardCharsets.UTF_8)), HttpStatus.CONFLICT, null,
				"was accepted before with other events");
		// without a batch id the body's SHA-256 names the batch; NDJSON and the Idempotency-Key header work alike
		String ndjson = api.write(event(system, "complaint", Instant.now())) + "\n" + api.write(event(system, "human_override", Instant.now())) + "\n";
		JsonNode nd = api.body(api.postBytes(f.manager, "/api/v1/events", "application/x-ndjson", ndjson.getBytes(StandardCharsets.UTF_8)), HttpStatus.CREATED);
		assertThat(nd.get("clientBatchId").asString()).startsWith("sha256:");
		assertThat(api.body(api.postBytes(f.manager, "/api/v1/events", "application/x-ndjson", ndjson.getBytes(StandardCharsets.UTF_8)), HttpStatus.OK)
			.get("duplicate").asBoolean()).isTrue();
		// a viewer may not push
		api.problem(api.postBytes(users.create(Role.VIEWER), "/api/v1/events", "application/json",
				api.write(List.of(event(system, "heartbeat", Instant.now()))).getBytes(StandardCharsets.UTF_8)), HttpStatus.FORBIDDEN, null, null);
	}

	@Test
	void aBadEventRefusesItsWholeBatchNamingEachBadEvent() {
		String system = f.system("Strict scorer");
		long before = jdbc.sql("SELECT COUNT(*) FROM event_batches").query(Long.class).single();
		Map<String, Object> noTime = event(system, "error", Instant.now());
		noTime.remove("time");
		Map<String, Object> unknown = event(system, "drift_alert", Instant.now());
		unknown.put("colour", "red");
		Map<String, Object> noValue = metric(system, "accuracy", 1, Instant.now());
		noValue.remove("value");
		Map<String, Object> future = event(system, "error", Instant.now().plus(Duration.ofDays(3)));
		Map<String, Object> nested = event(system, "custom", Instant.now());
		nested.put("name", "x");
		nested.put("attributes", Map.of("deep", Map.of("a", 1)));
		Map<String, Object> stranger = event(java.util.UUID.randomUUID().toString(), "error", Instant.now());
		JsonNode problem = api.body(api.postBytes(f.manager, "/api/v1/events", "application/json", api.write(List.of(event(system, "heartbeat",
				Instant.now()), noTime, unknown, noValue, future, nested)).getBytes(StandardCharsets.UTF_8)), HttpStatus.BAD_REQUEST);
		String text = problem.toString();
		assertThat(text).contains("events[1].time").contains("events[2].colour").contains("events[3].value").contains("events[4].time")
			.contains("events[5].attributes").doesNotContain("events[0]");
		api.problem(api.postBytes(f.manager, "/api/v1/events", "application/json", api.write(List.of(stranger)).getBytes(StandardCharsets.UTF_8)),
				HttpStatus.BAD_REQUEST, "events[0].aiSystemId", "no AI system has id");
		// hostile and broken bodies
		byte[][] bodies = { "".getBytes(), "[".getBytes(), "{\"aiSystemId\":1".getBytes(), new byte[] { (byte) 0xC3, 0x28 },
				"[{\"aiSystemId\":\"a\",\"aiSystemId\":\"b\"}]".getBytes(), ("[" + "[".repeat(5000) + "]".repeat(5000) + "]").getBytes(),
				"[{\"type\":\"error\",\"time\":\"2026-01-01T00:00:00Z\",\"aiSystemId\":\"x\",\"value\":NaN}]".getBytes(),
				("[{\"aiSystemId\":\"" + system + "\",\"type\":\"custom\",\"name\":\"\\uD800\",\"time\":\"" + Instant.now() + "\"}]").getBytes(),
				"[1, \"two\", null]".getBytes(), "[]".getBytes(), "\n\n".getBytes(), "<events/>".getBytes() };
		for (byte[] body : bodies) {
			api.problem(api.postBytes(f.manager, "/api/v1/events", "application/json", body), HttpStatus.BAD_REQUEST, null, null);
		}
		StringBuilder many = new StringBuilder("[");
		for (int i = 0; i <= 10_000; i++) {
			many.append(i == 0 ? "" : ",").append("{}");
		}
		api.problem(api.postBytes(f.manager, "/api/v1/events", "application/json", many.append("]").toString().getBytes()), HttpStatus.BAD_REQUEST,
				"events", "at most 10000 events");
		api.problem(api.postBytes(f.manager, "/api/v1/events?batchId=bad%20id", "application/json", api.write(List.of(event(system, "heartbeat",
				Instant.now()))).getBytes(StandardCharsets.UTF_8)), HttpStatus.BAD_REQUEST, "batchId", null);
		byte[] huge = new byte[17 * 1024 * 1024];
		java.util.Arrays.fill(huge, (byte) ' ');
		assertThat(api.postBytes(f.manager, "/api/v1/events", "application/json", huge)).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM event_batches").query(Long.class).single()).as("nothing was stored").isEqualTo(before);
	}

	@Test
	void aThresholdRuleRaisesOncePerBreachUpdatesWhileItLastsAndClearsOnce() {
		String system = f.system("Watched scorer");
		String rule = f.rule(MonitoringFixture.threshold(system, "accuracy", "BELOW", 0.90, 0.92, 120)).get("id").asString();
		Instant t = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
		double[] values = { 0.95, 0.89, 0.88, 0.87, 0.91, 0.89, 0.93, 0.91, 0.95, 0.85, 0.95 };
		List<Map<String, Object>> events = new ArrayList<>();
		for (int i = 0; i < values.length; i++) {
			events.add(metric(system, "accuracy", values[i], t.plus(Duration.ofMinutes(i))));
		}
		// in three batches: the rule's state carries over
		JsonNode first = f.push(f.manager, events.subList(0, 3), null, HttpStatus.CREATED);
		assertThat(first.get("incidentsRaised")).isEmpty();
		JsonNode second = f.push(f.manager, events.subList(3, 6), null, HttpStatus.CREATED);
		assertThat(second.get("incidentsRaised")).hasSize(1);
		JsonNode firing = api.body(api.get(f.manager, "/api/v1/monitoring-rules/" + rule), HttpStatus.OK);
		assertThat(firing.get("state").asString()).isEqualTo("FIRING");
		JsonNode third = f.push(f.manager, events.subList(6, values.length), null, HttpStatus.CREATED);
		assertThat(third.get("incidentsCleared")).hasSize(1);
		assertThat(third.get("incidentsRaised")).as("0.85 then 0.95 is shorter than the rule's 120 s").isEmpty();

		List<JsonNode> incidents = f.incidents(system);
		assertThat(incidents).hasSize(1);
		JsonNode incident = incidents.get(0);
		assertThat(incident.get("status").asString()).isEqualTo("RESOLVED");
		assertThat(incident.get("source").asString()).isEqualTo("RULE");
		assertThat(incident.get("owner").asString()).isEqualTo(f.owner.username());
		assertThat(incident.get("occurredAt").asString()).isEqualTo(t.plus(Duration.ofMinutes(1)).toString());
		assertThat(incident.get("breachObservations").asLong()).as("the raise and the 0.89 while it lasted").isEqualTo(2);
		assertThat(incident.get("worstValue").asDouble()).isEqualTo(0.87);
		assertThat(incident.get("timeline").toString()).contains("RAISED").contains("CLEARED");
		assertThat(api.body(api.get(f.manager, "/api/v1/monitoring-rules/" + rule), HttpStatus.OK).get("state").asString()).isEqualTo("OK");
		// late events (before the watermark less the lateness) are stored, flagged and not evaluated
		JsonNode late = f.push(f.manager, List.of(metric(system, "accuracy", 0.10, t.minus(Duration.ofHours(1)))), null, HttpStatus.CREATED);
		assertThat(late.get("lateEvents").asInt()).isEqualTo(1);
		assertThat(late.get("incidentsRaised")).isEmpty();
		assertThat(api.body(api.get(f.manager, "/api/v1/events?late=true&aiSystem=" + system), HttpStatus.OK).get("items")).hasSize(1);
	}

	/** Seeded random streams around the bounds, pushed in random batches: as many incidents as breaches, as many resolved as cleared. */
	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.MethodSource("org.openaims.monitoring.RuleEngineRandomizedTests#seeds")
	void aRandomStreamThroughTheApiRaisesOneIncidentPerBreachAndResolvesEachThatClears(long seed) {
		java.util.Random random = new java.util.Random(seed);
		String system = f.system("Random scorer " + seed);
		f.rule(MonitoringFixture.threshold(system, "accuracy", "BELOW", 0.90, 0.92, 60));
		Instant t = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
		List<Instant> times = new ArrayList<>();
		List<Double> values = new ArrayList<>();
		for (int i = 0; i < 150; i++) {
			t = t.plusSeconds(1 + random.nextInt(60));
			times.add(t);
			values.add((random.nextBoolean() ? 0.90 : 0.92) + (random.nextDouble() * 2 - 1) * 0.03);
		}
		int[] expected = RuleEngineRandomizedTests.model(times, values, true, 0.90, 0.92, 60);
		for (int from = 0; from < times.size();) {
			int to = Math.min(times.size(), from + 1 + random.nextInt(30));
			List<Map<String, Object>> batch = new ArrayList<>();
			for (int i = from; i < to; i++) {
				batch.add(metric(system, "accuracy", values.get(i), times.get(i)));
			}
			f.push(f.manager, batch, null, HttpStatus.CREATED);
			from = to;
		}
		List<JsonNode> incidents = f.incidents(system);
		assertThat(incidents).as("seed %d: one incident per breach", seed).hasSize(expected[0]);
		assertThat(incidents.stream().filter(i -> i.get("status").asString().equals("RESOLVED")).count()).as("seed %d: resolved", seed)
			.isEqualTo(expected[1]);
	}

	@Test
	void anAbsenceRuleRaisesAfterItsWindowOnceAndClearsWhenTheHeartbeatReturns() {
		String system = f.system("Heartbeat scorer");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("aiSystemId", system);
		body.put("name", "No heartbeat for an hour");
		body.put("kind", "ABSENCE");
		body.put("eventType", "heartbeat");
		body.put("windowSeconds", 3600);
		body.put("severity", "CRITICAL");
		f.rule(body);
		Instant now = Instant.now();
		f.push(f.manager, List.of(event(system, "heartbeat", now.minus(Duration.ofMinutes(10)))), null, HttpStatus.CREATED);
		assertThat(jobs.runOnce(now).raised()).isEmpty();
		assertThat(f.incidents(system)).isEmpty();
		MonitoringJobs.Run late = jobs.runOnce(now.plus(Duration.ofMinutes(51)));
		assertThat(late.ran()).isTrue();
		assertThat(late.raised()).hasSize(1);
		assertThat(jobs.runOnce(now.plus(Duration.ofHours(3))).raised()).as("one incident per absence").isEmpty();
		JsonNode incident = f.incidents(system).get(0);
		assertThat(incident.get("severity").asString()).isEqualTo("CRITICAL");
		assertThat(incident.get("status").asString()).isEqualTo("OPEN");
		JsonNode back = f.push(f.manager, List.of(event(system, "heartbeat", now.plusSeconds(30))), null, HttpStatus.CREATED);
		assertThat(back.get("incidentsCleared")).hasSize(1);
		assertThat(f.incidents(system).get(0).get("status").asString()).isEqualTo("RESOLVED");
	}

	@Test
	void reportingDeadlinesFollowTheReportTypeAndTheOrganizationsRoleForTheSystem() {
		String provided = f.system("Provided scorer", "PROVIDER");
		String deployed = f.system("Deployed chatbot", "DEPLOYER");
		api.body(api.post(f.manager, "/api/v1/deployments", Map.of("aiSystemId", provided, "version", "2.1", "environment", "production",
				"deployedAt", Instant.now().minus(Duration.ofDays(30)).toString())), HttpStatus.CREATED);
		Instant aware = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
		JsonNode serious = api.body(api.post(f.manager, "/api/v1/incidents", incident(List.of(provided, deployed), aware, List.of("SERIOUS"))),
				HttpStatus.CREATED);
		assertThat(serious.get("systems").toString()).contains("\"versionsInProduction\":[\"2.1\"]");
		Map<String, JsonNode> reports = byType(serious);
		assertThat(reports.get("serious-incident").get("dueAt").asString()).isEqualTo(aware.plus(Duration.ofDays(15)).toString());
		assertThat(reports.get("serious-incident").get("aiSystemId").asString()).isEqualTo(provided);
		assertThat(reports.get("inform-provider").get("dueAt").asString()).isEqualTo(aware.plus(Duration.ofHours(24)).toString());
		assertThat(reports.get("inform-provider").get("aiSystemId").asString()).isEqualTo(deployed);
		String id = serious.get("id").asString();
		// a death shortens the provider's deadline to 10 days, a widespread infringement to 2
		Map<String, Object> change = incident(List.of(provided, deployed), aware, List.of("DEATH"));
		assertThat(byType(api.body(api.put(f.manager, "/api/v1/incidents/" + id, change), HttpStatus.OK)).get("serious-incident").get("dueAt")
			.asString()).isEqualTo(aware.plus(Duration.ofDays(10)).toString());
		change.put("classifications", List.of("DEATH", "WIDESPREAD_INFRINGEMENT"));
		JsonNode shortest = api.body(api.put(f.manager, "/api/v1/incidents/" + id, change), HttpStatus.OK);
		assertThat(byType(shortest).get("serious-incident").get("dueAt").asString()).isEqualTo(aware.plus(Duration.ofDays(2)).toString());
		assertThat(byType(shortest).get("serious-incident").get("legalBasis").asString()).contains("73(3)");
		assertThat(shortest.get("reports")).hasSize(2);

		// the clocks list them, soonest first; submitting one takes it off
		JsonNode clocks = api.body(api.get(f.manager, "/api/v1/reporting-clocks?limit=500"), HttpStatus.OK);
		assertThat(clocks.toString()).contains(serious.get("ref").asString());
		String informId = byType(shortest).get("inform-provider").get("id").asString();
		api.problem(api.post(f.manager, "/api/v1/incidents/" + id + "/reports/" + informId + "/submission", Map.of()), HttpStatus.BAD_REQUEST,
				"reference", null);
		JsonNode submitted = api.body(api.post(f.manager, "/api/v1/incidents/" + id + "/reports/" + informId + "/submission",
				Map.of("reference", "Email to provider 2026-12-04")), HttpStatus.OK);
		assertThat(byType(submitted).get("inform-provider").get("submittedBy").asString()).isEqualTo(f.manager.username());
		assertThat(api.body(api.get(f.manager, "/api/v1/reporting-clocks?limit=500"), HttpStatus.OK).toString()).doesNotContain(informId);

		// an incident the organization knew of 20 days ago is overdue
		JsonNode overdue = api.body(api.post(f.manager, "/api/v1/incidents", incident(List.of(provided), Instant.now().minus(Duration.ofDays(20)),
				List.of("SERIOUS"))), HttpStatus.CREATED);
		assertThat(overdue.get("reports").get(0).get("overdue").asBoolean()).isTrue();
		assertThat(api.body(api.get(f.manager, "/api/v1/reporting-clocks?overdue=true&limit=500"), HttpStatus.OK).toString())
			.contains(overdue.get("ref").asString()).doesNotContain(serious.get("ref").asString() + "\"");
		// not serious: no reports
		assertThat(api.body(api.post(f.manager, "/api/v1/incidents", incident(List.of(deployed), aware, List.of())), HttpStatus.CREATED)
			.get("reports")).isEmpty();
	}

	@Test
	void anIncidentIsWorkedOnAndClosedOnlyWithContainmentRootCauseAndItsReports() {
		String system = f.system("Closed scorer");
		JsonNode made = api.body(api.post(f.owner, "/api/v1/incidents", incident(List.of(system), Instant.now(), List.of())), HttpStatus.CREATED);
		String id = made.get("id").asString();
		assertThat(made.get("owner").asString()).isEqualTo(f.owner.username());
		api.body(api.post(f.owner, "/api/v1/incidents/" + id + "/notes", Map.of("note", "Rolled back to 1.9")), HttpStatus.OK);
		api.problem(api.post(users.create(Role.CONTRIBUTOR), "/api/v1/incidents/" + id + "/notes", Map.of("note", "x")), HttpStatus.FORBIDDEN, null,
				null);
		api.problem(api.post(f.manager, "/api/v1/incidents/" + id + "/closure", Map.of()), HttpStatus.CONFLICT, null, "resolved before");
		api.body(api.post(f.owner, "/api/v1/incidents/" + id + "/resolution", Map.of("note", "Fixed")), HttpStatus.OK);
		JsonNode refused = api.problem(api.post(f.manager, "/api/v1/incidents/" + id + "/closure", Map.of()), HttpStatus.BAD_REQUEST, null, null);
		assertThat(refused.toString()).contains("containment").contains("rootCause");
		api.problem(api.post(f.owner, "/api/v1/incidents/" + id + "/closure", Map.of()), HttpStatus.FORBIDDEN, null, null);
		Map<String, Object> change = incident(List.of(system), Instant.parse(made.get("awareAt").asString()), List.of());
		change.put("containment", "Rolled back");
		change.put("rootCause", "Feature drift in the income field");
		api.body(api.put(f.owner, "/api/v1/incidents/" + id, change), HttpStatus.OK);
		JsonNode nc = api.body(api.post(f.manager, "/api/v1/incidents/" + id + "/nonconformity", Map.of()), HttpStatus.OK);
		String ncId = nc.get("nonconformityId").asString();
		JsonNode raised = api.body(api.get(f.manager, "/api/v1/nonconformities/" + ncId), HttpStatus.OK);
		assertThat(raised.get("source").asString()).isEqualTo("INCIDENT");
		assertThat(api.body(api.post(f.manager, "/api/v1/incidents/" + id + "/nonconformity", Map.of()), HttpStatus.OK).get("nonconformityId")
			.asString()).as("raised once").isEqualTo(ncId);
		JsonNode closed = api.body(api.post(f.manager, "/api/v1/incidents/" + id + "/closure", Map.of("note", "Lessons recorded")), HttpStatus.OK);
		assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
		api.problem(api.post(f.owner, "/api/v1/incidents/" + id + "/notes", Map.of("note", "late")), HttpStatus.CONFLICT, null, "closed");
		assertThat(api.body(api.get(f.manager, "/api/v1/incidents/" + id + "/history"), HttpStatus.OK).toString()).contains("IncidentRaised")
			.contains("IncidentClosed");
	}

	@Test
	void badRuleIncidentAndReportingRuleInputIsRefusedNamingTheField() {
		String system = f.system("Validated scorer");
		Map<String, Object> r = MonitoringFixture.threshold(system, "accuracy", "BELOW", 0.90, 0.85, 0);
		api.problem(api.post(f.manager, "/api/v1/monitoring-rules", r), HttpStatus.BAD_REQUEST, "clearValue", "at or above");
		r = MonitoringFixture.threshold(system, "accuracy", "BELOW", 0.90, 0.92, -1);
		api.problem(api.post(f.manager, "/api/v1/monitoring-rules", r), HttpStatus.BAD_REQUEST, "forSeconds", null);
		r.put("forSeconds", 0);
		r.put("eventType", "weather");
		api.problem(api.post(f.manager, "/api/v1/monitoring-rules", r), HttpStatus.BAD_REQUEST, "eventType", null);
		Map<String, Object> absence = new LinkedHashMap<>(Map.of("aiSystemId", system, "name", "x", "kind", "ABSENCE", "eventType", "heartbeat",
				"windowSeconds", 5));
		api.problem(api.post(f.manager, "/api/v1/monitoring-rules", absence), HttpStatus.BAD_REQUEST, "windowSeconds", null);
		api.problem(api.raw(f.manager, "/api/v1/monitoring-rules", "{\"aiSystemId\": 1, \"kind\": \"SOMETIMES\"}"), HttpStatus.BAD_REQUEST, null, null);
		api.problem(api.post(users.create(Role.SYSTEM_OWNER), "/api/v1/monitoring-rules", MonitoringFixture.threshold(system, "accuracy", "BELOW",
				0.9, 0.9, 0)), HttpStatus.FORBIDDEN, null, null);
		Map<String, Object> inc = incident(List.of(system), Instant.now().plus(Duration.ofDays(2)), List.of());
		api.problem(api.post(f.manager, "/api/v1/incidents", inc), HttpStatus.BAD_REQUEST, "awareAt", null);
		inc = incident(List.of(), Instant.now(), List.of());
		api.problem(api.post(f.manager, "/api/v1/incidents", inc), HttpStatus.BAD_REQUEST, "aiSystemIds", null);
		inc = incident(List.of(system), Instant.now(), List.of());
		inc.put("jurisdiction", "MARS");
		api.problem(api.post(f.manager, "/api/v1/incidents", inc), HttpStatus.BAD_REQUEST, "jurisdiction", "no reporting rules");
		api.problem(api.put(f.manager, "/api/v1/reporting-rules/UK", List.of(Map.of("role", "PROVIDER", "reportType", "Serious!", "title", "t",
				"legalBasis", "b", "appliesWhen", "SERIOUS", "deadlineHours", -3))), HttpStatus.BAD_REQUEST, "rules[0].reportType", null);
		api.problem(api.put(f.manager, "/api/v1/monitoring/systems/" + system + "/retention", Map.of("retentionDays", 0)), HttpStatus.BAD_REQUEST,
				"retentionDays", null);
		api.problem(api.get(f.manager, "/api/v1/monitoring/systems/" + system + "/series?hours=100000"), HttpStatus.BAD_REQUEST, "hours", null);
		api.problem(api.get(f.manager, "/api/v1/events?aiSystem=" + system + "&type=weather"), HttpStatus.BAD_REQUEST, "type", null);
		api.problem(api.get(f.manager, "/api/v1/events?aiSystem=" + system + "&after=notacursor"), HttpStatus.BAD_REQUEST, "after", null);
		api.problem(api.get(f.manager, "/api/v1/events"), HttpStatus.BAD_REQUEST, "aiSystem", null);
		// a jurisdiction's rules are replaced as a whole and then apply
		api.body(api.put(f.manager, "/api/v1/reporting-rules/UK", List.of(Map.of("role", "PROVIDER", "reportType", "serious-incident", "title",
				"Report to the regulator", "legalBasis", "UK guidance", "appliesWhen", "SERIOUS", "deadlineHours", 72))), HttpStatus.OK);
		inc.put("jurisdiction", "UK");
		inc.put("classifications", List.of("SERIOUS"));
		JsonNode uk = api.body(api.post(f.manager, "/api/v1/incidents", inc), HttpStatus.CREATED);
		assertThat(uk.get("reports").get(0).get("deadlineHours").asInt()).isEqualTo(72);
	}

	private static String text(org.springframework.test.web.servlet.assertj.MvcTestResult result) throws Exception {
		assertThat(result).hasStatus(HttpStatus.OK);
		assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private static Map<String, JsonNode> byType(JsonNode incident) {
		Map<String, JsonNode> out = new LinkedHashMap<>();
		incident.get("reports").forEach(r -> out.put(r.get("reportType").asString(), r));
		return out;
	}

	private static Map<String, Object> incident(List<String> systems, Instant aware, List<String> classes) {
		Map<String, Object> i = new LinkedHashMap<>();
		i.put("title", "Wrong decisions for a group of applicants " + System.nanoTime());
		i.put("description", "Found by a complaint");
		i.put("severity", "HIGH");
		i.put("aiSystemIds", systems);
		i.put("awareAt", aware.toString());
		i.put("occurredAt", aware.minus(Duration.ofHours(2)).toString());
		i.put("classifications", classes);
		return i;
	}
}
