package org.openaims.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openaims.AimsTest;
import org.openaims.Api;
import org.openaims.TestUsers;
import org.openaims.TestUsers.TestUser;
import org.openaims.common.Actor;
import org.openaims.common.Stamp;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.ledger.LedgerTestSupport.CliResult;
import org.openaims.ledger.internal.Checkpointer;
import org.openaims.ledger.internal.LedgerAppender;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The ledger as users meet it: histories of records, security events, the ledger API and its export. */
@AimsTest
class LedgerApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LedgerAppender appender;

	@Autowired
	Checkpointer checkpointer;

	@Test
	void anAiSystemsHistoryShowsWhoChangedWhichFieldsAndWhen() {
		TestUser manager = users.create(Role.AIMS_MANAGER);
		String name = "Historic " + UUID.randomUUID();
		Map<String, Object> system = new HashMap<>(Map.of("name", name, "intendedPurpose", "Triage letters",
				"organizationRoles", List.of("DEPLOYER"), "lifecycleStage", "DESIGN", "riskTier", "LOW", "owner", manager.username()));
		String id = api.body(api.post(manager, "/api/v1/ai-systems", system), HttpStatus.CREATED).get("id").asString();
		system.put("riskTier", "HIGH");
		system.put("description", "now with a description");
		api.body(api.put(manager, "/api/v1/ai-systems/" + id, system), HttpStatus.OK);
		api.body(api.post(manager, "/api/v1/ai-systems/" + id + "/versions", Map.of("label", "2.0")), HttpStatus.CREATED);
		api.body(api.post(manager, "/api/v1/ai-systems/" + id + "/retire", Map.of("reason", "replaced by v3")), HttpStatus.OK);
		LedgerTestSupport.awaitRecorded(jdbc);

		JsonNode history = api.body(api.get(manager, "/api/v1/ai-systems/" + id + "/history"), HttpStatus.OK);
		assertThat(events(history)).containsExactly("AiSystemRegistered", "AiSystemChanged", "AiSystemVersionAdded", "AiSystemRetired");
		JsonNode changed = history.get(1);
		assertThat(changed.get("actor").asString()).isEqualTo(manager.username());
		assertThat(changed.get("viaToken").asBoolean()).isTrue();
		assertThat(changed.get("time").asString()).isNotBlank();
		Map<String, String> fields = new HashMap<>();
		changed.get("fields").forEach(f -> fields.put(f.get("field").asString(), f.get("from").asString(null) + " -> " + f.get("to").asString(null)));
		assertThat(fields).containsEntry("riskTier", "LOW -> HIGH").containsEntry("description", "null -> now with a description")
			.hasSize(2);
		assertThat(history.get(3).toString()).contains("replaced by v3");
		assertThat(history.get(2).toString()).contains("2.0");

		MvcTestResult page = mvc.get().uri("/ai-systems/" + id)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(manager.username()).roles("AIMS_MANAGER"))
			.exchange();
		assertThat(page).hasStatusOk().bodyText().contains("History").contains("AiSystemChanged").contains("riskTier")
			.contains(manager.username());
		api.problem(api.get(manager, "/api/v1/ai-systems/" + UUID.randomUUID() + "/history"), HttpStatus.NOT_FOUND, null, null);
	}

	@Test
	void vendorAndScopeHistoriesAreReadFromTheLedgerToo() {
		TestUser manager = users.create(Role.AIMS_MANAGER);
		Map<String, Object> vendor = new HashMap<>(Map.of("name", "Hist vendor " + UUID.randomUUID(), "dueDiligenceStatus", "NOT_STARTED"));
		String id = api.body(api.post(manager, "/api/v1/vendors", vendor), HttpStatus.CREATED).get("id").asString();
		vendor.put("dueDiligenceStatus", "PASSED");
		api.body(api.put(manager, "/api/v1/vendors/" + id, vendor), HttpStatus.OK);
		LedgerTestSupport.awaitRecorded(jdbc);
		JsonNode history = api.body(api.get(manager, "/api/v1/vendors/" + id + "/history"), HttpStatus.OK);
		assertThat(events(history)).containsExactly("VendorRegistered", "VendorChanged");
		assertThat(history.get(1).get("fields").get(0).toString()).contains("dueDiligenceStatus").contains("NOT_STARTED").contains("PASSED");
	}

	@Test
	void tokensAreRecordedButSignInsBadTokensAndRefusalsStayOutOfTheLedger() {
		// Security events go to the security log (SecurityLogTests): anonymous traffic must not grow the ledger.
		TestUser viewer = users.create(Role.VIEWER);
		login(viewer.username(), "not-the-password");
		login(viewer.username(), TestUsers.PASSWORD);
		api.problem(api.post(viewer, "/api/v1/vendors", Map.of("name", "x", "dueDiligenceStatus", "PASSED")), HttpStatus.FORBIDDEN, null, null);
		mvc.get().uri("/api/v1/ai-systems").header("Authorization", "Bearer aims_not-a-token-" + UUID.randomUUID()).exchange();
		String tokenId = api.body(api.post(viewer, "/api/v1/tokens", Map.of("name", "short-lived")), HttpStatus.CREATED)
			.get("token").get("id").asString();
		api.body(api.delete(viewer, "/api/v1/tokens/" + tokenId), HttpStatus.OK);
		LedgerTestSupport.awaitRecorded(jdbc);

		TestUser auditor = users.create(Role.AUDITOR);
		LedgerTestSupport.awaitRecorded(jdbc);
		List<String> userEvents = events(api.body(api.get(auditor, "/api/v1/ledger/entries?subjectType=user&subjectId=" + viewer.username() + "&limit=100"),
				HttpStatus.OK).get("items"), "type");
		assertThat(userEvents).containsExactly("UserCreated");
		assertThat(events(api.body(api.get(auditor, "/api/v1/ledger/entries?subjectType=api-token&subjectId=" + tokenId), HttpStatus.OK)
			.get("items"), "type")).containsExactly("ApiTokenCreated", "ApiTokenRevoked");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_entries WHERE event_type IN ('SignInFailed', 'UserSignedIn', 'AccessRefused')")
			.query(Long.class).single()).isZero();
	}

	@Test
	void theLedgerApiPagesEntriesAndOnlyAuditorsManagersAndAdminsReadIt() {
		TestUser auditor = users.create(Role.AUDITOR);
		LedgerTestSupport.awaitRecorded(jdbc);
		List<Long> seqs = new ArrayList<>();
		String after = null;
		do {
			JsonNode page = api.body(api.get(auditor, "/api/v1/ledger/entries?limit=7" + (after == null ? "" : "&after=" + after)), HttpStatus.OK);
			page.get("items").forEach(e -> seqs.add(e.get("seq").asLong()));
			after = page.get("next").isNull() ? null : page.get("next").asString();
		}
		while (after != null);
		for (int i = 0; i < seqs.size(); i++) {
			assertThat(seqs.get(i)).isEqualTo(i + 1L);
		}
		JsonNode one = api.body(api.get(auditor, "/api/v1/ledger/entries/1"), HttpStatus.OK);
		assertThat(one.get("prevHash").asString()).isEqualTo("0".repeat(64));
		api.problem(api.get(auditor, "/api/v1/ledger/entries/999999999"), HttpStatus.NOT_FOUND, null, null);
		api.problem(api.get(auditor, "/api/v1/ledger/entries?after=abc"), HttpStatus.BAD_REQUEST, "after", null);
		JsonNode key = api.body(api.get(auditor, "/api/v1/ledger/public-key"), HttpStatus.OK);
		assertThat(key.get("algorithm").asString()).isEqualTo("Ed25519");

		for (Role role : List.of(Role.VIEWER, Role.SYSTEM_OWNER, Role.APPROVER)) {
			TestUser other = users.create(role);
			api.problem(api.get(other, "/api/v1/ledger/entries"), HttpStatus.FORBIDDEN, null, null);
			api.problem(api.get(other, "/api/v1/ledger/verify"), HttpStatus.FORBIDDEN, null, null);
			api.problem(api.get(other, "/api/v1/ledger/export"), HttpStatus.FORBIDDEN, null, null);
		}
	}

	@Test
	void theExportDownloadedOverHttpVerifiesOfflineAndSoDoesTheServer() throws Exception {
		TestUser auditor = users.create(Role.AUDITOR);
		LedgerTestSupport.awaitRecorded(jdbc);
		JsonNode verdict = api.body(api.get(auditor, "/api/v1/ledger/verify"), HttpStatus.OK);
		assertThat(verdict.get("intact").asBoolean()).as(verdict.toString()).isTrue();

		MvcTestResult export = mvc.get().uri("/api/v1/ledger/export").header("Authorization", auditor.bearer()).exchange();
		assertThat(export).hasStatusOk();
		assertThat(export.getResponse().getContentType()).startsWith("application/x-ndjson");
		String file = export.getResponse().getContentAsString(StandardCharsets.UTF_8);
		String keyId = api.body(api.get(auditor, "/api/v1/ledger/public-key"), HttpStatus.OK).get("keyId").asString();
		CliResult cli = LedgerTestSupport.aimsVerify(file, "--key-id", keyId);
		assertThat(cli.exitCode()).as(cli.toString()).isZero();
		assertThat(cli.out()).startsWith("INTACT");

		// A partial export ends with a consistency proof to the next checkpoint and verifies too. Two
		// entries appended together cannot have a checkpoint between them: export up to the first.
		CurrentUser.runAsSystem(() -> appender.append(List.of(
				new LedgerTestSupport.Something("pair-1", 1, Map.of(), "thing", Stamp.of(Actor.SYSTEM)),
				new LedgerTestSupport.Something("pair-2", 2, Map.of(), "thing", Stamp.of(Actor.SYSTEM)))));
		checkpointer.checkpoint();
		long head = jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM ledger_entries").query(Long.class).single();
		MvcTestResult partial = mvc.get().uri("/api/v1/ledger/export?from=2&to=" + (head - 1))
			.header("Authorization", auditor.bearer()).exchange();
		String partialFile = partial.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(partialFile).contains("\"kind\":\"consistency\"");
		assertThat(LedgerTestSupport.aimsVerify(partialFile).exitCode()).isZero();

		assertThat(LedgerTestSupport.aimsVerify(file, "--key-id", "0000000000000000").exitCode()).isEqualTo(2);
		api.problem(api.get(auditor, "/api/v1/ledger/export?to=" + (head + 5)), HttpStatus.BAD_REQUEST, "to", null);
		api.problem(api.get(auditor, "/api/v1/ledger/export?from=0"), HttpStatus.BAD_REQUEST, "from", null);
	}

	private List<JsonNode> entries(TestUser reader, String type, String id) {
		List<JsonNode> list = new ArrayList<>();
		api.body(api.get(reader, "/api/v1/ledger/entries?limit=500&subjectType=" + type + "&subjectId=" + id), HttpStatus.OK)
			.get("items").forEach(list::add);
		return list;
	}

	private void login(String username, String password) {
		mvc.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content(api.write(Map.of("username", username, "password", password))).exchange();
	}

	private static List<String> events(JsonNode history) {
		return events(history, "event");
	}

	private static List<String> events(JsonNode list, String field) {
		List<String> events = new ArrayList<>();
		list.forEach(h -> events.add(h.get(field).asString()));
		return events;
	}
}
