package org.openaims.ledger.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.security.KeyPair;

import org.junit.jupiter.api.Test;

/**
 * The probe's tenth finding: {@code aims verify} answered INTACT for an export in which an entry's
 * {@code payload} key was renamed (the payload silently dropped) and for one with an injected field
 * ({@code "note":"approved by the board"}); and without {@code --key-id} it trusted the key the file
 * itself carries. The reader now refuses what it does not check, and says when the key was not pinned.
 */
class StrictExportTests {

	static final KeyPair KEY = LedgerKeys.generate();

	static final String PAYLOAD = "{\"decision\":\"APPROVE\",\"item\":\"policy-7\"}";

	/** The payload as an export line carries it. */
	static final String QUOTED_PAYLOAD = "\"payload\":" + tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(PAYLOAD);

	@Test
	void anEntryWhosePayloadKeyWasRenamedIsRefused() {
		String export = intact();
		assertThat(verify(export, null).verification().intact()).isTrue();
		String renamed = export.replaceFirst("\"payload\":\"", "\"payLoad\":\"");
		assertRefused(renamed, "unknown field 'payLoad'");
		String dropped = export.replace("," + QUOTED_PAYLOAD, "");
		assertThat(dropped).isNotEqualTo(export);
		assertRefused(dropped, "");
	}

	@Test
	void anInjectedFieldIsRefusedInEntriesCheckpointsAndTheHeader() {
		String export = intact();
		assertRefused(export.replaceFirst("\\{\"kind\":\"entry\",", "{\"kind\":\"entry\",\"note\":\"approved by the board\","),
				"unknown field 'note'");
		assertRefused(export.replaceFirst("\\{\"kind\":\"checkpoint\",", "{\"kind\":\"checkpoint\",\"approvedBy\":\"board\","),
				"unknown field 'approvedBy'");
		assertRefused(export.replaceFirst("\\{\"format\":", "{\"comment\":\"all good\",\"format\":"), "unknown field 'comment'");
	}

	@Test
	void aKeyGivenTwiceIsRefused() {
		assertRefused(intact().replaceFirst("\"actor\":\"alice\"", "\"actor\":\"alice\",\"actor\":\"mallory\""), "Duplicate");
	}

	@Test
	void anEntryThatSaysItsPayloadIsIncludedButLacksItIsRefused() {
		String export = intact();
		String nulled = export.replace(QUOTED_PAYLOAD, "\"payload\":null");
		assertThat(nulled).contains("\"payload\":null,\"payloadKept\":true");
		assertRefused(nulled, "says its payload is included but it is missing");
		assertRefused(export.replaceFirst(",\"payloadKept\":true", ""), "payloadKept");
		// A large payload kept by digest only is allowed, and counted.
		String digestOnly = new ExportBuilder(KEY).entry("x".repeat(500)).checkpoint().build();
		LedgerExport.Result result = verify(digestOnly, LedgerKeys.keyId(KEY.getPublic()));
		assertThat(result.verification().intact()).isTrue();
		assertThat(result.digestOnlyEntries()).isEqualTo(1);
	}

	@Test
	void aForgedExportReSignedWithAnotherKeyPassesOnlyWhenTheKeyIsNotPinnedAndTheResultSaysSo() throws Exception {
		KeyPair forger = LedgerKeys.generate();
		String forged = new ExportBuilder(forger).entry("{\"decision\":\"APPROVE\",\"item\":\"forged\"}").checkpoint().build();
		LedgerExport.Result unpinned = verify(forged, null);
		assertThat(unpinned.verification().intact()).isTrue();
		assertThat(unpinned.keyPinned()).isFalse();
		assertRefused(forged, LedgerKeys.keyId(KEY.getPublic()), "not the expected");
		assertThatThrownBy(() -> LedgerExport.verify(reader(forged), null, LedgerKeys.encode(KEY.getPublic()), false))
			.isInstanceOf(LedgerExport.MalformedExport.class).hasMessageContaining("not the expected");
		assertThat(LedgerExport.verify(reader(intact()), null, LedgerKeys.encode(KEY.getPublic()), false).keyPinned()).isTrue();
	}

	@Test
	void aRotationAttestedByTheOldKeyHandsSigningToTheNewKeyAndOnlyThen() {
		KeyPair next = LedgerKeys.generate();
		String rotated = new ExportBuilder(KEY).entry(PAYLOAD).checkpoint().rotation(next).entry(PAYLOAD).checkpoint()
			.signWith(next).entry(PAYLOAD).checkpoint().build();
		LedgerExport.Result result = verify(rotated, LedgerKeys.keyId(KEY.getPublic()));
		assertThat(result.verification().intact()).as(result.verification().toString()).isTrue();
		assertThat(result.rotations()).isEqualTo(1);
		assertThat(result.keyInForce()).isEqualTo(LedgerKeys.keyId(next.getPublic()));

		// The new key signs before the old one vouched for it: not attested.
		String early = new ExportBuilder(KEY).entry(PAYLOAD).checkpoint().rotation(next).signWith(next).entry(PAYLOAD).checkpoint()
			.build();
		Verification v = verify(early, null).verification();
		assertThat(v.intact()).isFalse();
		assertThat(v.firstBadSequence()).isEqualTo(2);
		assertThat(v.reason()).contains("key in force is " + LedgerKeys.keyId(KEY.getPublic()));

		// After the hand-over the old key may no longer sign.
		String stale = new ExportBuilder(KEY).entry(PAYLOAD).rotation(next).checkpoint().entry(PAYLOAD).checkpoint().build();
		Verification s = verify(stale, null).verification();
		assertThat(s.intact()).isFalse();
		assertThat(s.firstBadSequence()).isEqualTo(3);

		// A rotation entry whose key does not match its id hands nothing over.
		KeyPair other = LedgerKeys.generate();
		String mismatched = rotated.replace(LedgerKeys.encode(next.getPublic()), LedgerKeys.encode(other.getPublic()));
		assertThat(verify(mismatched, null).verification().intact()).isFalse();
	}

	static String intact() {
		return new ExportBuilder(KEY).entry(PAYLOAD).entry("{\"a\":1}").checkpoint().entry("{\"b\":\"quoted \\\" text\"}")
			.checkpoint().build();
	}

	static LedgerExport.Result verify(String export, String keyId) {
		try {
			return LedgerExport.verify(reader(export), keyId);
		}
		catch (Exception e) {
			throw new AssertionError(e);
		}
	}

	static void assertRefused(String export, String message) {
		assertRefused(export, null, message);
	}

	static void assertRefused(String export, String keyId, String message) {
		assertThatThrownBy(() -> LedgerExport.verify(reader(export), keyId)).isInstanceOf(LedgerExport.MalformedExport.class)
			.hasMessageContaining(message);
	}

	static BufferedReader reader(String text) {
		return new BufferedReader(new StringReader(text));
	}
}
