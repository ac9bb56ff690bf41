package org.openaims.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The probe's fifth finding: an anonymous concern could be traced to its reporter — the username was
 * stored, and the reporter's API token "last used" time, shown to the microsecond, was 5 ms before
 * the concern's creation time. Anonymous reports are now made without signing in and keep no
 * identity; the reporter follows the concern with a receipt code.
 */
@AimsTest
class AnonymousConcernTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAnonymousReportCannotBeTracedToTheReportersAccountTokenOrSession() throws Exception {
		TestUser reporter = users.create(Role.VIEWER);
		// The reporter used their token just before, and has a browser session open.
		assertThat(api.get(reporter, "/api/v1/ai-systems")).hasStatusOk();
		Cookie session = mvc.post().uri("/login").param("username", reporter.username()).param("password", TestUsers.PASSWORD)
			.with(csrf()).exchange().getResponse().getCookie("SESSION");
		Instant before = Instant.now();
		String tag = UUID.randomUUID().toString().substring(0, 8);

		MvcTestResult answer = mvc.post().uri("/api/v1/public/concerns").cookie(session)
			.header("Authorization", reporter.bearer()).with(from("10.40.0.1")).contentType(MediaType.APPLICATION_JSON)
			.content(api.write(Map.of("summary", "Traced? " + tag, "description", "The model leaks salaries."))).exchange();
		JsonNode reported = api.body(answer, HttpStatus.CREATED);
		assertThat(answer.getResponse().getHeaders("Set-Cookie")).isEmpty();
		String id = reported.get("concern").get("id").asString();
		String receipt = reported.get("receipt").asString();
		assertThat(receipt).matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){4}");

		Map<String, Object> row = jdbc.sql("SELECT * FROM concerns WHERE id = :id").param("id", UUID.fromString(id)).query().singleRow();
		assertThat(row.get("reporter")).isNull();
		assertThat(row.get("anonymous")).isEqualTo(true);
		assertThat(row.values().toString()).doesNotContain(reporter.username()).doesNotContain(receipt).doesNotContain("10.40.0.1");
		LedgerTestSupport.awaitRecorded(jdbc);
		for (Map<String, Object> entry : jdbc.sql("SELECT actor, actor_token, payload FROM ledger_entries WHERE subject_id = :id")
			.param("id", id).query().listOfRows()) {
			assertThat(entry.get("actor")).isEqualTo("anonymous");
			assertThat(entry.get("actor_token")).isNull();
			assertThat(String.valueOf(entry.get("payload"))).doesNotContain(reporter.username());
		}
		List<Map<String, Object>> logged = jdbc.sql("SELECT subject, client, detail FROM security_log WHERE last_at >= :since")
			.param("since", Timestamp.from(before)).query().listOfRows();
		assertThat(logged.toString()).doesNotContain(reporter.username()).doesNotContain("10.40.0.1");
		// The token's last use is a day, not an instant that could be matched to the report.
		assertThat(jdbc.sql("SELECT COUNT(*) FROM information_schema.columns WHERE LOWER(table_name) = 'api_tokens' "
				+ "AND LOWER(column_name) = 'last_used_at'").query(Long.class).single()).isZero();
		// The concern is nobody's: not even its reporter's account sees it as theirs.
		api.problem(api.get(reporter, "/api/v1/concerns/" + id), HttpStatus.NOT_FOUND, null, null);
	}

	@Test
	void theReceiptCodeFollowsTheConcernAndAddsToIt() {
		TestUser handler = users.create(Role.AIMS_MANAGER);
		String receipt = report(from("10.40.0.2"), "Follow me").get("receipt").asString();
		JsonNode followed = api.body(post("/api/v1/public/concerns/follow", Map.of("receipt", receipt), from("10.40.0.2")),
				HttpStatus.OK);
		assertThat(followed.get("status").asString()).isEqualTo("NEW");
		String id = followed.get("id").asString();
		api.body(api.post(handler, "/api/v1/concerns/" + id + "/triage", Map.of("status", "INVESTIGATING", "note", "looking")),
				HttpStatus.OK);
		JsonNode noted = api.body(post("/api/v1/public/concerns/notes",
				Map.of("receipt", receipt.toLowerCase().replace("-", " "), "note", "More details."), from("10.40.0.2")), HttpStatus.OK);
		assertThat(noted.get("status").asString()).isEqualTo("INVESTIGATING");
		assertThat(noted.get("notes").get(1).get("writtenBy").asString()).isEqualTo("reporter");
		api.problem(post("/api/v1/public/concerns/follow", Map.of("receipt", "AAAA-BBBB-CCCC-DDDD-EEEE"), from("10.40.0.2")),
				HttpStatus.NOT_FOUND, null, null);
		api.problem(post("/api/v1/public/concerns/follow", Map.of(), from("10.40.0.2")), HttpStatus.BAD_REQUEST, "receipt", null);
		api.problem(post("/api/v1/public/concerns", Map.of("summary", "", "description", "d"), from("10.40.0.2")),
				HttpStatus.BAD_REQUEST, "summary", null);
		// The code is stored only as a hash.
		assertThat(jdbc.sql("SELECT COUNT(*) FROM concerns WHERE receipt_hash = :r").param("r", receipt).query(Long.class).single())
			.isZero();
	}

	@Test
	void reportsAreRateLimitedPerClientAddressWithoutNamingAnyone() {
		RequestPostProcessor flooder = from("10.40.0.3");
		for (int i = 0; i < 5; i++) {
			assertThat(report(flooder, "Flood " + i)).isNotNull();
		}
		MvcTestResult refused = post("/api/v1/public/concerns", Map.of("summary", "Flood 6", "description", "d"), flooder);
		api.problem(refused, HttpStatus.TOO_MANY_REQUESTS, null, "try again");
		assertThat(Long.parseLong(refused.getResponse().getHeader("Retry-After"))).isBetween(1L, 3600L);
		assertThat(report(from("10.40.0.4"), "Another address")).isNotNull();
		List<Map<String, Object>> limited = jdbc.sql("SELECT subject, client FROM security_log WHERE kind = 'RATE_LIMITED'")
			.query().listOfRows();
		assertThat(limited).isNotEmpty().allSatisfy(r -> {
			assertThat(r.get("subject")).isNull();
			assertThat(r.get("client")).isNull();
		});
	}

	@Test
	void signingInToReportAnonymouslyIsRefusedWithTheWayToTheAnonymousForm() {
		TestUser reporter = users.create(Role.VIEWER);
		api.problem(api.post(reporter, "/api/v1/concerns", Map.of("summary", "s", "description", "d", "anonymous", true)),
				HttpStatus.BAD_REQUEST, "anonymous", "/report-concern");
	}

	private JsonNode report(RequestPostProcessor client, String summary) {
		return api.body(post("/api/v1/public/concerns", Map.of("summary", summary, "description", "details"), client),
				HttpStatus.CREATED);
	}

	private MvcTestResult post(String uri, Object body, RequestPostProcessor client) {
		return mvc.post().uri(uri).with(client).contentType(MediaType.APPLICATION_JSON).content(api.write(body)).exchange();
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}
}
