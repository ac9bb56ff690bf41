package org.openaims;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The packaged server with a small heap (-Xmx256m) takes one 8 MB library from four clients at once:
 * every answer is 2xx or 4xx (one import, the others a duplicate or "busy"), and the server answers its
 * health check within a second afterwards. (Two such uploads used to exhaust the heap and stop the
 * HTTP threads until a restart.)
 */
class LibraryImportIntegrationTests {

	@Test
	void fourConcurrentUploadsOfALargeLibraryLeaveTheServerHealthy() throws Exception {
		Optional<Path> fixture = SharedFiles.find("fixtures/ciso-assistant/iso27001-2022.yaml");
		Assumptions.assumeTrue(fixture.isPresent(), "the ISO 27001 fixture is not beside this repository");
		byte[] library = largeLibrary(Files.readString(fixture.get()), 8L * 1024 * 1024);
		System.out.printf("[import] library of %.1f MB%n", library.length / 1024.0 / 1024.0);
		try (RunningJar server = RunningJar.start(Map.of("AIMS_BOOTSTRAP_ADMIN_TOKEN", "import-bootstrap-token-0001", "AIMS_DEMO_DATA", "false",
				"JAVA_TOOL_OPTIONS", "-Xmx256m"))) {
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
			ExecutorService clients = Executors.newFixedThreadPool(4);
			List<Future<String>> answers = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				Callable<String> upload = () -> {
					long started = System.nanoTime();
					HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/frameworks")))
						.timeout(Duration.ofMinutes(3))
						.header("Authorization", "Bearer import-bootstrap-token-0001")
						.header("Content-Type", "application/yaml")
						.POST(HttpRequest.BodyPublishers.ofByteArray(library))
						.build(), HttpResponse.BodyHandlers.ofString());
					String body = response.body();
					return response.statusCode() + " after " + (System.nanoTime() - started) / 1_000_000 + " ms: "
							+ (body.length() > 160 ? body.substring(0, 160) : body);
				};
				answers.add(clients.submit(upload));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<String> answer : answers) {
				String line = answer.get();
				System.out.println("[import] " + line);
				statuses.add(Integer.parseInt(line.substring(0, 3)));
			}
			clients.shutdown();
			assertThat(statuses).allSatisfy(s -> assertThat(s).isBetween(200, 499));
			assertThat(statuses).contains(201);
			long started = System.nanoTime();
			HttpResponse<String> health = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build().send(
					HttpRequest.newBuilder(URI.create(server.url("/actuator/health"))).timeout(Duration.ofSeconds(1)).build(),
					HttpResponse.BodyHandlers.ofString());
			System.out.printf("[import] health %d in %d ms%n", health.statusCode(), (System.nanoTime() - started) / 1_000_000);
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(health.body()).contains("UP");
			assertThat(server.logText()).contains("Picked up JAVA_TOOL_OPTIONS: -Xmx256m").doesNotContain("OutOfMemoryError");
		}
	}

	/** The fixture's nodes copied under new URNs until the library has {@code bytes}, as one framework. */
	static byte[] largeLibrary(String fixture, long bytes) {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		int nodesAt = fixture.indexOf("    requirement_nodes:\n");
		String head = fixture.substring(0, nodesAt + "    requirement_nodes:\n".length())
			.replace("urn:intuitem:risk:framework:iso27001-2022", "urn:test:framework:large-" + tag)
			.replace("urn:intuitem:risk:library:iso27001-2022", "urn:test:library:large-" + tag);
		String nodes = fixture.substring(nodesAt + "    requirement_nodes:\n".length());
		StringBuilder out = new StringBuilder(head);
		for (int copy = 0; out.length() < bytes; copy++) {
			out.append(nodes.replace("urn:intuitem:risk:req_node:iso27001-2022:", "urn:test:req_node:large-" + tag + "-" + copy + ":"));
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}
}
