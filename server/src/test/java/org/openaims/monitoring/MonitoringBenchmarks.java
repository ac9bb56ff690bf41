package org.openaims.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.openaims.TestUsers;
import org.openaims.TestUsers.TestUser;
import org.openaims.identity.Role;
import org.openaims.ledger.EventLeaves;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ingest speed over real HTTP, printed beside a raw JDBC baseline from the same run: {@code CLIENTS}
 * clients each push batches of 1,000 events (metrics and heartbeats of their own system, which has a
 * threshold rule) to {@code POST /api/v1/events} — parsed, checked, canonicalized, hashed into a Merkle
 * root, stored, evaluated, and recorded in the ledger — while the baseline inserts the same rows with
 * the same batched INSERT from as many threads. Not part of the normal build:
 * {@code ./mvnw -pl server -am verify -Ppostgres,benchmark -Dtest=MonitoringBenchmarks -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MonitoringBenchmarks {

	static final int CLIENTS = Integer.getInteger("bench.clients", 2);

	static final int BATCH = 1_000;

	static final int WARMUP = 15;

	static final int BATCHES = Integer.getInteger("bench.batches", 60);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void ingestKeepsUpWithTwentyThousandEventsASecond() throws Exception {
		TestUser manager = users.create(Role.AIMS_MANAGER);
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		List<String> systems = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			Map<String, Object> s = new LinkedHashMap<>();
			s.put("name", "Bench system " + c + " " + System.nanoTime());
			s.put("intendedPurpose", "Be measured");
			s.put("organizationRoles", List.of("PROVIDER"));
			s.put("lifecycleStage", "OPERATING");
			s.put("riskTier", "HIGH");
			s.put("owner", manager.username());
			String id = JSON.readTree(send(http, manager, "/api/v1/ai-systems", "application/json", JSON.writeValueAsBytes(s), 201)).get("id").asString();
			systems.add(id);
			send(http, manager, "/api/v1/monitoring-rules", "application/json", JSON.writeValueAsBytes(Map.of("aiSystemId", id, "name",
					"Accuracy floor", "kind", "THRESHOLD", "eventType", "metric", "eventName", "accuracy", "direction", "BELOW", "raiseValue", 0.5,
					"clearValue", 0.6)), 201);
		}
		TestUser pusher = users.create(Role.CONTRIBUTOR);
		Instant start = Instant.now().minus(Duration.ofHours(6));
		// bodies made before timing: every client its own system and times
		List<List<byte[]>> bodies = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			List<byte[]> mine = new ArrayList<>();
			for (int b = 0; b < WARMUP + BATCHES; b++) {
				List<Map<String, Object>> events = new ArrayList<>(BATCH);
				for (int i = 0; i < BATCH; i++) {
					Instant t = start.plusMillis((long) b * BATCH + i);
					events.add(i % 2 == 0 ? Map.of("aiSystemId", systems.get(c), "type", "metric", "name", "accuracy", "value", 0.9 + (i % 7) / 100.0,
							"time", t.toString(), "systemVersion", "4.2", "attributes", Map.of("gen_ai.request.model", "scorer-4", "region", "eu-west"))
							: Map.of("aiSystemId", systems.get(c), "type", "heartbeat", "time", t.toString(), "severity", "INFO"));
				}
				mine.add(JSON.writeValueAsBytes(events));
			}
			bodies.add(mine);
		}
		System.out.printf("[monitoring] %d clients, batches of %d events (%.0f KB each), %d warm-up + %d measured batches per client%n", CLIENTS,
				BATCH, bodies.get(0).get(0).length / 1024.0, WARMUP, BATCHES);

		// HTTP ingest
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
		for (int c = 0; c < CLIENTS; c++) {
			int client = c;
			pool.submit(() -> {
				for (int b = 0; b < WARMUP; b++) {
					send(http, pusher, "/api/v1/events?batchId=warm-" + client + "-" + b + "-" + System.nanoTime(), "application/json",
							bodies.get(client).get(b), 201);
				}
				return null;
			}).get();
		}
		long t0 = System.nanoTime();
		List<Future<?>> running = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			int client = c;
			running.add(pool.submit(() -> {
				for (int b = WARMUP; b < WARMUP + BATCHES; b++) {
					long s = System.nanoTime();
					send(http, pusher, "/api/v1/events?batchId=bench-" + client + "-" + b + "-" + System.nanoTime(), "application/json",
							bodies.get(client).get(b), 201);
					latencies.add((System.nanoTime() - s) / 1e6);
				}
				return null;
			}));
		}
		for (Future<?> f : running) {
			f.get();
		}
		double httpSeconds = (System.nanoTime() - t0) / 1e9;
		double httpRate = CLIENTS * BATCHES * BATCH / httpSeconds;

		long ledgerBehind = jdbc.queryForObject("SELECT COUNT(*) FROM event_publication", Long.class);
		// the ledger records the batches after they were acknowledged; the baseline runs once it caught up
		org.openaims.ledger.LedgerTestSupport.awaitRecorded(org.springframework.jdbc.core.simple.JdbcClient.create(jdbc));
		// raw JDBC: the same rows, the same INSERT, as many threads, one transaction per batch
		List<Double> rawLatencies = Collections.synchronizedList(new ArrayList<>());
		List<List<List<Object[]>>> rows = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			List<List<Object[]>> mine = new ArrayList<>();
			for (int b = WARMUP; b < WARMUP + BATCHES; b++) {
				List<Object[]> batch = new ArrayList<>(BATCH);
				UUID batchId = UUID.randomUUID();
				for (int i = 0; i < BATCH; i++) {
					Instant t = start.plusMillis((long) b * BATCH + i);
					boolean metric = i % 2 == 0;
					Map<String, Object> e = new LinkedHashMap<>();
					e.put("aiSystemId", systems.get(c));
					e.put("type", metric ? "metric" : "heartbeat");
					e.put("time", t.toString());
					e.put("severity", "INFO");
					if (metric) {
						e.put("name", "accuracy");
						e.put("value", 0.9 + (i % 7) / 100.0);
					}
					batch.add(new Object[] { batchId, i, UUID.fromString(systems.get(c)), metric ? "4.2" : null, Timestamp.from(t), metric ? "metric" : "heartbeat",
							metric ? "accuracy" : null, metric ? 0.9 + (i % 7) / 100.0 : null, "INFO", false, EventLeaves.canonical(e) });
				}
				mine.add(batch);
			}
			rows.add(mine);
		}
		long r0 = System.nanoTime();
		running.clear();
		for (int c = 0; c < CLIENTS; c++) {
			int client = c;
			running.add(pool.submit(() -> {
				for (List<Object[]> batch : rows.get(client)) {
					long s = System.nanoTime();
					tx.executeWithoutResult(status -> jdbc.batchUpdate("INSERT INTO monitoring_events (batch_id, idx, ai_system_id, system_version, "
							+ "event_time, type, name, metric_value, severity, late, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch.size() == 0 ? List.of() : batch,
							batch.size(), (PreparedStatement ps, Object[] r) -> {
								for (int k = 0; k < r.length; k++) {
									if (r[k] == null) {
										ps.setNull(k + 1, k == 7 ? java.sql.Types.DOUBLE : java.sql.Types.VARCHAR);
									}
									else {
										ps.setObject(k + 1, r[k]);
									}
								}
							}));
					rawLatencies.add((System.nanoTime() - s) / 1e6);
				}
				return null;
			}));
		}
		for (Future<?> f : running) {
			f.get();
		}
		double rawSeconds = (System.nanoTime() - r0) / 1e9;
		double rawRate = CLIENTS * BATCHES * BATCH / rawSeconds;
		pool.shutdown();

		System.out.printf("[monitoring] HTTP ingest: %,.0f events/s (%d batches of %d in %.1f s); batch latency median %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
				httpRate, CLIENTS * BATCHES, BATCH, httpSeconds, pct(latencies, 50), pct(latencies, 95), pct(latencies, 99));
		System.out.printf("[monitoring] ledger events not yet recorded when the last batch was acknowledged: %d%n", ledgerBehind);
		System.out.printf("[monitoring] raw JDBC batched INSERT of the same rows: %,.0f events/s (%.1f s); batch median %.1f ms, p99 %.1f ms%n", rawRate,
				rawSeconds, pct(rawLatencies, 50), pct(rawLatencies, 99));
		System.out.printf("[monitoring] ratio HTTP ingest / raw JDBC: %.0f %%%n", 100 * httpRate / rawRate);
		long stored = jdbc.queryForObject("SELECT COUNT(*) FROM event_batches WHERE client_batch_id LIKE 'bench-%'", Long.class);
		assertThat(stored).isEqualTo((long) CLIENTS * BATCHES);
	}

	private String send(HttpClient http, TestUser user, String path, String type, byte[] body, int expected) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization",
				user.bearer()).header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (response.statusCode() != expected) {
			throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	private static double pct(List<Double> values, int p) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
	}
}
