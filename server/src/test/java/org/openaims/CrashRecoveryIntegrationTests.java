package org.openaims;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The packaged server is killed with SIGKILL (as {@code kill -9}) in the middle of a burst of writes.
 * After a restart on the same data, every change that was committed (every AI system in the register,
 * including every one whose creation was acknowledged) is in the ledger, and the chain verifies.
 */
class CrashRecoveryIntegrationTests {

	static final String TOKEN = "crash-test-bootstrap-token-0001";

	static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Test
	void everyCommittedChangeIsInTheLedgerAfterAKillAndARestart() throws Exception {
		RunningJar server = RunningJar.start(Map.of("AIMS_BOOTSTRAP_ADMIN_TOKEN", TOKEN, "AIMS_DEMO_DATA", "false"));
		RunningJar restarted = null;
		try {
			Set<String> acknowledged = ConcurrentHashMap.newKeySet();
			AtomicBoolean running = new AtomicBoolean(true);
			ExecutorService burst = Executors.newFixedThreadPool(8);
			for (int t = 0; t < 8; t++) {
				int thread = t;
				burst.submit(() -> {
					for (int i = 0; running.get(); i++) {
						try {
							HttpResponse<String> created = post(server, "{\"name\":\"crash " + thread + "-" + i
									+ "\",\"intendedPurpose\":\"x\",\"organizationRoles\":[\"USER\"],\"lifecycleStage\":\"IDEA\","
									+ "\"riskTier\":\"LOW\",\"owner\":\"admin\"}");
							if (created.statusCode() == 201) {
								Matcher id = ID.matcher(created.body());
								if (id.find()) {
									acknowledged.add(id.group(1));
								}
							}
						}
						catch (Exception connectionLost) {
							return null;
						}
					}
					return null;
				});
			}
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (acknowledged.size() < 150 && System.nanoTime() < deadline) {
				Thread.sleep(5);
			}
			server.kill();
			running.set(false);
			burst.shutdown();
			burst.awaitTermination(30, TimeUnit.SECONDS);
			assertThat(acknowledged).as("writes before the kill").hasSizeGreaterThanOrEqualTo(150);

			long outstanding;
			long registered;
			try (Connection db = server.connect(); Statement s = db.createStatement()) {
				outstanding = count(s, "SELECT COUNT(*) FROM event_publication");
				registered = count(s, "SELECT COUNT(*) FROM ai_systems");
			}
			System.out.printf("[crash] killed after %d acknowledged writes; %d systems committed; %d event publications "
					+ "outstanding at the kill%n", acknowledged.size(), registered, outstanding);

			restarted = server.restart();
			Set<String> inRegister = new HashSet<>();
			for (String page : pages(restarted, "/api/v1/ai-systems?limit=500")) {
				Matcher id = ID.matcher(page);
				while (id.find()) {
					inRegister.add(id.group(1));
				}
			}
			assertThat(inRegister).containsAll(acknowledged).hasSize((int) registered);

			Set<String> inLedger = new HashSet<>();
			long waitUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (System.nanoTime() < waitUntil) {
				inLedger.clear();
				for (String page : pages(restarted, "/api/v1/ledger/entries?subjectType=ai-system&limit=500")) {
					Matcher subject = Pattern.compile("\"type\":\"AiSystemRegistered\",\"subjectType\":\"ai-system\",\"subjectId\":\"([0-9a-f-]{36})\"")
						.matcher(page);
					while (subject.find()) {
						inLedger.add(subject.group(1));
					}
				}
				if (inLedger.containsAll(inRegister)) {
					break;
				}
				Thread.sleep(200);
			}
			assertThat(inLedger).as("every committed registration is in the ledger").containsAll(inRegister);
			assertThat(inLedger).hasSize(inRegister.size());
			String verdict = get(restarted, "/api/v1/ledger/verify").body();
			assertThat(verdict).contains("\"intact\":true");
			System.out.printf("[crash] after restart: %d systems, all %d registrations in the ledger, verification %s%n",
					inRegister.size(), inLedger.size(), verdict);
		}
		finally {
			if (restarted != null) {
				restarted.close();
			}
			else {
				server.close();
			}
		}
	}

	private HttpResponse<String> post(RunningJar server, String json) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/ai-systems")))
			.header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(RunningJar server, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(server.url(path))).header("Authorization", "Bearer " + TOKEN)
			.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private List<String> pages(RunningJar server, String first) throws Exception {
		List<String> pages = new java.util.ArrayList<>();
		String path = first;
		while (path != null) {
			String body = get(server, path).body();
			pages.add(body);
			Matcher next = Pattern.compile("\"next\":\"([^\"]+)\"").matcher(body);
			path = next.find() ? first + "&after=" + next.group(1) : null;
		}
		return pages;
	}

	private static long count(Statement s, String sql) throws Exception {
		try (ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}
}
