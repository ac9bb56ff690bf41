package org.openaims.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openaims.TestUsers;
import org.openaims.TestUsers.TestUser;
import org.openaims.cli.Aims;
import org.openaims.cli.Environment;
import org.openaims.identity.Role;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The CLI against the server over HTTP: {@code aims events push} a file of NDJSON (again: stored once),
 * {@code aims events proof} of one of its events, and {@code aims verify} of that proof, offline.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EventsCliTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	org.openaims.inventory.AiSystemService systems;

	@TempDir
	Path dir;

	@Test
	void aFileIsPushedOnceAndAnEventsProofIsFetchedAndVerified() throws Exception {
		TestUser manager = users.create(Role.AIMS_MANAGER);
		String system = org.openaims.identity.CurrentUser.runAsSystem(() -> systems.register(new org.openaims.inventory.AiSystemDetails(
				"CLI scorer " + System.nanoTime(), null, "Be pushed to", java.util.Set.of(org.openaims.inventory.AiRole.PROVIDER),
				org.openaims.inventory.LifecycleStage.OPERATING, org.openaims.inventory.RiskTier.LOW, null, manager.username(), null, null, false, null,
				null, null, true, null, null))).id().toString();
		JsonMapper json = JsonMapper.builder().build();
		Path events = dir.resolve("events.ndjson");
		Files.writeString(events, json.writeValueAsString(Map.of("aiSystemId", system, "type", "heartbeat", "time", Instant.now().toString())) + "\n"
				+ json.writeValueAsString(Map.of("aiSystemId", system, "type", "metric", "name", "latency_ms", "value", 87.5, "time",
						Instant.now().toString())) + "\n", StandardCharsets.UTF_8);
		Map<String, String> env = Map.of("AIMS_SERVER", "http://127.0.0.1:" + port, "AIMS_TOKEN", manager.bearer().substring("Bearer ".length()));

		String[] pushed = run(env, "events", "push", "--batch-id", "cli-" + System.nanoTime(), events.toString());
		assertThat(pushed[0]).isEqualTo("0");
		assertThat(pushed[1]).startsWith("accepted batch ").contains("2 events, 0 late, Merkle root ");
		String batch = pushed[1].substring("accepted batch ".length(), "accepted batch ".length() + 36);
		String[] again = run(env, "events", "push", events.toString());
		assertThat(again[1]).as("without --batch-id the file's SHA-256 names it").startsWith("accepted batch");
		assertThat(run(env, "events", "push", events.toString())[1]).startsWith("already accepted:");

		Path proof = dir.resolve("event.proof.json");
		String[] fetched = run(env, "events", "proof", "--batch", batch, "--index", "1", "-o", proof.toString());
		assertThat(fetched[0]).as(fetched[1]).isEqualTo("0");
		String[] verified = run(Map.of(), "verify", proof.toString());
		assertThat(verified[0]).as(verified[1]).isEqualTo("0");
		assertThat(verified[1]).contains("VALID: event 1 of batch " + batch).contains("latency_ms").contains("KEY NOT PINNED");
		String[] missing = run(env, "events", "push", dir.resolve("nope.json").toString());
		assertThat(missing[0]).isEqualTo("2");
		assertThat(missing[1]).contains("no file");
		Files.writeString(dir.resolve("bad.json"), "[{\"type\":\"weather\"}]");
		String[] bad = run(env, "events", "push", dir.resolve("bad.json").toString());
		assertThat(bad[0]).isEqualTo("2");
		assertThat(bad[1]).contains("HTTP 400");
	}

	private String[] run(Map<String, String> env, String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = Aims.run(new PrintWriter(out, true), new PrintWriter(err, true), new Environment(env, dir,
				new BufferedReader(new StringReader(""))), args);
		return new String[] { String.valueOf(code), out + err.toString() };
	}

}
