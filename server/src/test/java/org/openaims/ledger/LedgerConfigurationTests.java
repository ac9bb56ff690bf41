package org.openaims.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openaims.Api;
import org.openaims.TestUsers;
import org.openaims.TestUsers.TestUser;
import org.openaims.common.Actor;
import org.openaims.common.AimsProperties;
import org.openaims.common.Stamp;
import org.openaims.identity.CurrentUser;
import org.openaims.identity.Role;
import org.openaims.ledger.LedgerTestSupport.Something;
import org.openaims.ledger.format.Hashes;
import org.openaims.ledger.format.LedgerEntry;
import org.openaims.ledger.format.LedgerKeys;
import org.openaims.ledger.internal.Checkpointer;
import org.openaims.ledger.internal.LedgerAppender;
import org.openaims.ledger.internal.LedgerKeyStore;
import org.openaims.ledger.internal.LedgerProperties;
import org.openaims.ledger.internal.Payloads;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A signing key given by configuration is the one used; large payloads are kept by digest only and
 * still verify; checkpoints are listed newest first.
 */
@SpringBootTest(properties = { "aims.ledger.private-key=" + LedgerConfigurationTests.PRIVATE,
		"aims.ledger.public-key=" + LedgerConfigurationTests.PUBLIC, "aims.ledger.auto-checkpoint=false",
		"aims.test.context=configured-key" })
@AutoConfigureMockMvc
class LedgerConfigurationTests {

	// A key pair made for this test (never used anywhere else).
	static final String PRIVATE = "MC4CAQAwBQYDK2VwBCIEIGu3MBCUt8qHKmSSOWdvU4YY2QdC/Qb5IyZijvT2S0CB";

	static final String PUBLIC = "MCowBQYDK2VwAyEAQlqXPb3sqXkaZmo+V7RSXoNig3b9yyhmxOxLyFCRGJ4=";

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	LedgerAppender appender;

	@Autowired
	Checkpointer checkpointer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Test
	void usesTheConfiguredKeyKeepsLargePayloadsByDigestAndListsCheckpoints() throws Exception {
		TestUser auditor = users.create(Role.AUDITOR);
		LedgerTestSupport.awaitRecorded(jdbc);
		JsonNode key = api.body(api.get(auditor, "/api/v1/ledger/public-key"), HttpStatus.OK);
		assertThat(key.get("publicKey").asString()).isEqualTo(PUBLIC);
		assertThat(key.get("keyId").asString()).isEqualTo(LedgerKeys.keyId(LedgerKeys.publicKey(PUBLIC)));

		Something large = new Something("big", 1, Map.of("text", "x".repeat(70_000)), "thing", Stamp.of(Actor.SYSTEM));
		List<LedgerEntry> appended = CurrentUser.runAsSystem(() -> appender.append(List.of(large)));
		LedgerEntry entry = appended.get(0);
		assertThat(entry.payload()).isNull();
		assertThat(entry.payloadDigest()).isEqualTo(Hashes.sha256Hex(Payloads.of(large)));
		JsonNode stored = api.body(api.get(auditor, "/api/v1/ledger/entries/" + entry.seq()), HttpStatus.OK);
		assertThat(stored.has("payload")).isTrue();
		assertThat(stored.get("payload").isNull()).isTrue();

		checkpointer.checkpoint();
		CurrentUser.runAsSystem(() -> appender.append(List.of(new Something("after", 2, Map.of(), "thing", Stamp.of(Actor.SYSTEM)))));
		checkpointer.checkpoint();
		JsonNode checkpoints = api.body(api.get(auditor, "/api/v1/ledger/checkpoints?limit=1"), HttpStatus.OK);
		long newest = checkpoints.get("items").get(0).get("treeSize").asLong();
		assertThat(checkpoints.get("next").asString()).isEqualTo(String.valueOf(newest));
		JsonNode older = api.body(api.get(auditor, "/api/v1/ledger/checkpoints?limit=1&before=" + newest), HttpStatus.OK);
		assertThat(older.get("items").get(0).get("treeSize").asLong()).isLessThan(newest);
		assertThat(api.body(api.get(auditor, "/api/v1/ledger/checkpoints/latest"), HttpStatus.OK).get("treeSize").asLong())
			.isEqualTo(newest);
		JsonNode verdict = api.body(api.get(auditor, "/api/v1/ledger/verify"), HttpStatus.OK);
		assertThat(verdict.get("intact").asBoolean()).as(verdict.toString()).isTrue();
		String export = new String(api.get(auditor, "/api/v1/ledger/export").getResponse().getContentAsByteArray(),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(LedgerTestSupport.aimsVerify(export, "--key-id", key.get("keyId").asString()).exitCode()).isZero();

		// A node with another key refuses to sign for this installation.
		KeyPair other = LedgerKeys.generate();
		LedgerKeyStore stranger = newKeyStore(new LedgerProperties(LedgerKeys.encode(other.getPrivate()),
				LedgerKeys.encode(other.getPublic()), false, 1000, 65536));
		assertThatThrownBy(stranger::afterPropertiesSet).hasMessageContaining("did not sign the stored checkpoints");
		assertThatThrownBy(() -> stranger.sign(new byte[] { 1 })).hasMessageContaining("rotated to");
		// Halves that do not belong together are refused at start.
		assertThatThrownBy(() -> newKeyStore(new LedgerProperties(LedgerKeys.encode(other.getPrivate()), PUBLIC, false, 1000, 65536)))
			.hasMessageContaining("do not belong together");
	}

	private LedgerKeyStore newKeyStore(LedgerProperties properties) throws Exception {
		var constructor = LedgerKeyStore.class.getDeclaredConstructor(LedgerProperties.class, AimsProperties.class, JdbcTemplate.class);
		constructor.setAccessible(true);
		try {
			return constructor.newInstance(properties, new AimsProperties(java.nio.file.Path.of("target/test-data"), false, null), jdbcTemplate);
		}
		catch (java.lang.reflect.InvocationTargetException e) {
			throw (Exception) e.getCause();
		}
	}
}
