package org.openaims.assurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openaims.assurance.AssuranceFixture.id;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openaims.AimsTest;
import org.openaims.Api;
import org.openaims.TestUsers;
import org.openaims.TestUsers.TestUser;
import org.openaims.identity.Role;
import org.openaims.lifecycle.LifecycleFixture;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * A management review's input pack counts what happened in its period and nothing else: on seeded
 * random scenarios, records are created through the API and then dated (the test moves their
 * timestamps) just inside the period — its first millisecond, its last —, just outside it — the
 * millisecond before, the first after — or anywhere within or around it; the pack's figures must equal
 * what the test counts from the records it made itself. The period lies in a year no other test uses.
 * A failure names the seed.
 */
@AimsTest
class InputPackRandomizedTests {

	static final String[] SOURCES = { "EXTERNAL_AUDIT", "INCIDENT", "MONITORING", "CONCERN", "MANAGEMENT_REVIEW" };

	static final String[] KINDS = { "INTERNAL_ISSUE", "EXTERNAL_ISSUE", "INTERESTED_PARTY" };

	static final String[] RESULTS = { "CONFORMING", "OBSERVATION", "OPPORTUNITY_FOR_IMPROVEMENT" };

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	/** Each run's period lies in a band of years of its own. */
	static final java.util.concurrent.atomic.AtomicInteger RUNS = new java.util.concurrent.atomic.AtomicInteger();

	static List<Long> seeds() {
		return List.of(20261203L, System.nanoTime());
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void theFiguresEqualWhatTheTestCountsFromItsOwnRecords(long seed) {
		Random random = new Random(seed);
		AssuranceFixture f = new AssuranceFixture(api, users);
		int year = 2101 + 40 * RUNS.getAndIncrement() % 80 + random.nextInt(30);
		LocalDate start = LocalDate.of(year, 1, 1).plusDays(random.nextInt(200));
		LocalDate end = start.plusDays(20 + random.nextInt(150));
		Instant from = start.atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant to = end.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		Map<String, Long> expected = new LinkedHashMap<>();
		for (String s : SOURCES) {
			expected.put("nonconformities.raised." + s, 0L);
		}
		for (String k : KINDS) {
			expected.put("context.added." + k, 0L);
		}
		expected.put("nonconformities.raised", 0L);
		expected.put("nonconformities.closed", 0L);
		expected.put("context.added", 0L);
		expected.put("context.changed", 0L);
		expected.put("audits.reported", 0L);
		for (String r : RESULTS) {
			expected.put("audits.results." + r, 0L);
		}
		expected.put("improvement.recorded", 0L);
		expected.put("testRuns", 0L);
		expected.put("testRuns.passing", 0L);
		List<String> made = new ArrayList<>();

		// nonconformities: raised (and some closed) around the period's edges
		TestUser owner = users.create(Role.SYSTEM_OWNER);
		int ncs = 6 + random.nextInt(8);
		for (int i = 0; i < ncs; i++) {
			String source = SOURCES[random.nextInt(SOURCES.length)];
			String nc = id(api.body(api.post(f.manager, "/api/v1/nonconformities", AssuranceFixture.nonconformity("NC " + seed + "-" + i, source,
					owner.username())), HttpStatus.CREATED));
			Instant raised = when(random, from, to);
			Instant closed = random.nextBoolean() ? raised.plus(Duration.ofHours(random.nextInt(24 * 40))) : null;
			if (closed != null && random.nextBoolean()) {
				closed = random.nextBoolean() ? from.minusMillis(1).isAfter(raised) ? from.minusMillis(1) : raised : to.minusMillis(1);
				if (closed.isBefore(raised)) {
					closed = raised;
				}
			}
			jdbc.sql("UPDATE nonconformities SET raised_at = :r, closed_at = :c, status = :s WHERE id = :id").param("r", Timestamp.from(raised))
				.param("c", closed == null ? null : Timestamp.from(closed)).param("s", closed == null ? "OPEN" : "CLOSED")
				.param("id", java.util.UUID.fromString(nc)).update();
			if (inside(raised, from, to)) {
				expected.merge("nonconformities.raised", 1L, Long::sum);
				expected.merge("nonconformities.raised." + source, 1L, Long::sum);
			}
			if (closed != null && inside(closed, from, to)) {
				expected.merge("nonconformities.closed", 1L, Long::sum);
			}
			made.add("NC " + source + " raised " + raised + " closed " + closed);
		}

		// context entries: added, or added before and changed
		int entries = 4 + random.nextInt(6);
		for (int i = 0; i < entries; i++) {
			String kind = KINDS[random.nextInt(KINDS.length)];
			String entry = id(api.body(api.post(f.manager, "/api/v1/context-entries", Map.of("kind", kind, "title", "Entry " + seed + "-" + i,
					"owner", f.manager.username())), HttpStatus.CREATED));
			Instant created = when(random, from, to);
			Instant updated = random.nextBoolean() ? created : when(random, from, to);
			if (updated.isBefore(created)) {
				updated = created;
			}
			jdbc.sql("UPDATE context_entries SET created_at = :c, updated_at = :u WHERE id = :id").param("c", Timestamp.from(created))
				.param("u", Timestamp.from(updated)).param("id", java.util.UUID.fromString(entry)).update();
			if (inside(created, from, to)) {
				expected.merge("context.added", 1L, Long::sum);
				expected.merge("context.added." + kind, 1L, Long::sum);
			}
			else if (created.isBefore(from) && inside(updated, from, to)) {
				expected.merge("context.changed", 1L, Long::sum);
			}
			made.add("context " + kind + " created " + created + " updated " + updated);
		}

		// audits: reported around the edges, each with one item whose result is recorded then
		String programme = f.approvedProgramme();
		int audits = 2 + random.nextInt(3);
		for (int i = 0; i < audits; i++) {
			Map<String, Object> body = f.audit(programme, List.of(), List.of(), List.of(), f.lead, List.of());
			body.put("processes", List.of("Process " + seed + "-" + i));
			JsonNode audit = f.startedAudit(body);
			String result = RESULTS[random.nextInt(RESULTS.length)];
			api.body(api.put(f.lead, "/api/v1/audits/" + id(audit) + "/items/1", Map.of("result", result)), HttpStatus.OK);
			api.body(api.post(f.lead, "/api/v1/audits/" + id(audit) + "/report", Map.of()), HttpStatus.OK);
			Instant reported = when(random, from, to);
			jdbc.sql("UPDATE audits SET report_issued_at = :r WHERE id = :id").param("r", Timestamp.from(reported))
				.param("id", java.util.UUID.fromString(id(audit))).update();
			jdbc.sql("UPDATE audit_items SET recorded_at = :r WHERE audit_id = :id").param("r", Timestamp.from(reported))
				.param("id", java.util.UUID.fromString(id(audit))).update();
			if (inside(reported, from, to)) {
				expected.merge("audits.reported", 1L, Long::sum);
				expected.merge("audits.results." + result, 1L, Long::sum);
				if (!result.equals("CONFORMING")) {
					expected.merge("improvement.recorded", 1L, Long::sum);
				}
			}
			made.add("audit " + result + " reported " + reported);
		}

		// test runs: passing or failing, pushed around the edges
		LifecycleFixture lifecycle = new LifecycleFixture(api, users, mvc);
		String system = lifecycle.system("Measured " + seed + " " + System.nanoTime(), "LOW");
		int runs = 2 + random.nextInt(4);
		for (int i = 0; i < runs; i++) {
			boolean passing = random.nextBoolean();
			String run = id(api.body(lifecycle.push(lifecycle.contributor, system, "1." + i, null, LifecycleFixture.report(3, passing ? 0 : 1)),
					HttpStatus.CREATED));
			Instant at = when(random, from, to);
			jdbc.sql("UPDATE test_runs SET created_at = :r WHERE id = :id").param("r", Timestamp.from(at))
				.param("id", java.util.UUID.fromString(run)).update();
			if (inside(at, from, to)) {
				expected.merge("testRuns", 1L, Long::sum);
				if (passing) {
					expected.merge("testRuns.passing", 1L, Long::sum);
				}
			}
			made.add("test run " + (passing ? "passing" : "failing") + " at " + at);
		}

		Map<String, Object> review = AssuranceFixture.review("Review " + seed, end.plusDays(5), start, end, f.manager, List.of());
		String reviewId = id(api.body(api.post(f.manager, "/api/v1/management-reviews", review), HttpStatus.CREATED));
		JsonNode pack = api.body(api.get(f.manager, "/api/v1/management-reviews/" + reviewId + "/inputs"), HttpStatus.OK);
		Map<String, Long> actual = new HashMap<>();
		pack.get("sections").forEach(s -> s.get("figures").forEach(fig -> actual.put(fig.get("key").asString(), fig.get("value").asLong())));
		String context = "seed " + seed + ", period " + start + " to " + end + ", records: " + made;
		expected.forEach((key, value) -> assertThat(actual.get(key)).as(key + " (" + context + ")").isEqualTo(value));
		// the pack once held is frozen: moving a record afterwards does not change it
		api.body(api.post(f.manager, "/api/v1/management-reviews/" + reviewId + "/hold", Map.of()), HttpStatus.OK);
		jdbc.sql("UPDATE nonconformities SET raised_at = :r WHERE raised_by = :by").param("r", Timestamp.from(from.plusSeconds(60)))
			.param("by", f.manager.username()).update();
		JsonNode frozen = api.body(api.get(f.manager, "/api/v1/management-reviews/" + reviewId + "/inputs"), HttpStatus.OK);
		assertThat(figure(frozen, "nonconformities.raised")).as(context).isEqualTo(expected.get("nonconformities.raised"));
	}

	private static long figure(JsonNode pack, String key) {
		for (JsonNode s : pack.get("sections")) {
			for (JsonNode f : s.get("figures")) {
				if (f.get("key").asString().equals(key)) {
					return f.get("value").asLong();
				}
			}
		}
		throw new AssertionError("no figure " + key);
	}

	/** A time at an edge of [from, to) — its first or last millisecond, or one just outside — or anywhere from a month before to a month after. */
	private static Instant when(Random random, Instant from, Instant to) {
		return switch (random.nextInt(6)) {
			case 0 -> from;
			case 1 -> from.minusMillis(1);
			case 2 -> to.minusMillis(1);
			case 3 -> to;
			default -> from.minus(Duration.ofDays(30)).plusMillis((long) (random.nextDouble() * Duration.between(from, to).plusDays(60).toMillis()));
		};
	}

	private static boolean inside(Instant t, Instant from, Instant to) {
		return !t.isBefore(from) && t.isBefore(to);
	}
}
