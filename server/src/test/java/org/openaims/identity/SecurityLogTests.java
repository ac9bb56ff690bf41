package org.openaims.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openaims.AimsTest;
import org.openaims.Api;
import org.openaims.TestUsers;
import org.openaims.TestUsers.TestUser;
import org.openaims.ledger.LedgerTestSupport;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The probe's fourth finding: every bad bearer token, failed sign-in and refused request appended a
 * ledger entry, so anonymous traffic grew the management system's record (100 bad-token requests,
 * 100 entries). They now go to a security log of their own, counted in bursts, kept for a retention
 * period, readable by administrators only.
 */
@AimsTest
class SecurityLogTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SecurityLog log;

	@Test
	void hundredAnonymousBadTokenRequestsAddNothingToTheLedgerAndOneSecurityLogRow() {
		TestUser admin = users.create(Role.ADMIN);
		LedgerTestSupport.awaitRecorded(jdbc);
		long ledger = ledgerEntries();
		String address = "10.30.0.1";
		for (int i = 0; i < 100; i++) {
			assertThat(mvc.get().uri("/api/v1/ai-systems").with(SignInThrottlingTests.from(address))
				.header("Authorization", "Bearer aims_forged-" + UUID.randomUUID()).exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
		}
		LedgerTestSupport.awaitRecorded(jdbc);
		assertThat(ledgerEntries()).isEqualTo(ledger);
		JsonNode rows = api.body(api.get(admin, "/api/v1/security-log?kind=BAD_TOKEN&limit=500"), HttpStatus.OK).get("items");
		int fromAddress = 0;
		int occurrences = 0;
		for (JsonNode row : rows) {
			if (address.equals(row.get("client").asString(null))) {
				fromAddress++;
				occurrences += row.get("occurrences").asInt();
			}
		}
		assertThat(fromAddress).isEqualTo(1);
		assertThat(occurrences).isEqualTo(100);
	}

	@Test
	void aBurstOfFailedSignInsIsOneCountedRowAndTheLedgerStaysUnchanged() {
		TestUser admin = users.create(Role.ADMIN);
		String target = "burst-target-" + System.nanoTime();
		LedgerTestSupport.awaitRecorded(jdbc);
		long ledger = ledgerEntries();
		for (int i = 0; i < 37; i++) {
			mvc.post().uri("/api/v1/auth/token").with(SignInThrottlingTests.from("10.30.0." + (2 + i % 3)))
				.contentType(MediaType.APPLICATION_JSON).content(api.write(Map.of("username", target, "password", "guess-" + i)))
				.exchange();
		}
		JsonNode rows = api.body(api.get(admin, "/api/v1/security-log?kind=SIGN_IN_FAILED&subject=" + target), HttpStatus.OK)
			.get("items");
		int total = 0;
		for (JsonNode row : rows) {
			total += row.get("occurrences").asInt();
			assertThat(row.get("subject").asString()).isEqualTo(target);
		}
		assertThat(total).isEqualTo(37);
		assertThat(rows.size()).as("three addresses, each a wrong password row and a throttled row at most").isLessThanOrEqualTo(6);
		LedgerTestSupport.awaitRecorded(jdbc);
		assertThat(ledgerEntries()).isEqualTo(ledger);
	}

	@Test
	void signInsAndRefusedRequestsAreLoggedAndOnlyAdministratorsReadTheLog() {
		TestUser admin = users.create(Role.ADMIN);
		TestUser viewer = users.create(Role.VIEWER);
		mvc.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content(api.write(Map.of("username", viewer.username(), "password", TestUsers.PASSWORD))).exchange();
		api.problem(api.post(viewer, "/api/v1/vendors", Map.of("name", "x", "dueDiligenceStatus", "PASSED")), HttpStatus.FORBIDDEN,
				null, null);
		String signIns = api.body(api.get(admin, "/api/v1/security-log?kind=SIGN_IN&subject=" + viewer.username()), HttpStatus.OK)
			.toString();
		assertThat(signIns).contains("password");
		String refused = api.body(api.get(admin, "/api/v1/security-log?kind=ACCESS_REFUSED&subject=" + viewer.username()),
				HttpStatus.OK).toString();
		assertThat(refused).contains("POST /api/v1/vendors");
		for (Role role : Role.values()) {
			if (role != Role.ADMIN) {
				assertThat(api.get(users.create(role), "/api/v1/security-log")).as(role.name()).hasStatus(HttpStatus.FORBIDDEN);
			}
		}
		assertThat(mvc.get().uri("/api/v1/security-log").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void entriesOlderThanTheRetentionPeriodArePurged() {
		UUID old = UUID.randomUUID();
		UUID recent = UUID.randomUUID();
		for (UUID id : new UUID[] { old, recent }) {
			Instant at = id == old ? Instant.now().minus(Duration.ofDays(91)) : Instant.now().minus(Duration.ofDays(89));
			jdbc.sql("INSERT INTO security_log (id, kind, subject, client, detail, occurrences, first_at, last_at) "
					+ "VALUES (:id, 'SIGN_IN', 'someone', NULL, 'password', 1, :at, :at)")
				.param("id", id).param("at", Timestamp.from(at)).update();
		}
		assertThat(log.purge()).isGreaterThanOrEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM security_log WHERE id = :id").param("id", old).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM security_log WHERE id = :id").param("id", recent).query(Long.class).single()).isOne();
	}

	private long ledgerEntries() {
		return jdbc.sql("SELECT COUNT(*) FROM ledger_entries").query(Long.class).single();
	}
}
