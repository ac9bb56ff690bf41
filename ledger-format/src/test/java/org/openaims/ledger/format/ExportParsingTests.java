package org.openaims.ledger.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Broken and hostile export files are refused with the line at fault, never with another exception. */
class ExportParsingTests {

	static final KeyPair KEYS = LedgerKeys.generate();

	@Test
	void refusesFilesThatAreNotExports() {
		assertMalformed("", "empty");
		assertMalformed("not json\n", "not JSON");
		assertMalformed("[1,2]\n", "not a JSON object");
		assertMalformed("{\"format\":\"something-else\",\"version\":1}\n", "not an OpenAIMS ledger export");
		assertMalformed("{\"format\":\"openaims-ledger-export\",\"version\":3}\n", "not an OpenAIMS ledger export");
		assertMalformed("{\"format\":\"openaims-ledger-export\",\"version\":1}\n", "incomplete header");
	}

	@Test
	void refusesBadKeysAndForeignKeyIds() {
		String header = header(1, 0, List.of());
		assertMalformed(header.replace(LedgerKeys.encode(KEYS.getPublic()), "bm90IGEga2V5"), "public key");
		assertMalformed(header.replace("\"keyId\":\"" + LedgerKeys.keyId(KEYS.getPublic()), "\"keyId\":\"0000000000000000"),
				"does not belong");
		assertThatThrownBy(() -> LedgerExport.verify(reader(header), "ffffffffffffffff"))
			.isInstanceOf(LedgerExport.MalformedExport.class).hasMessageContaining("not the expected");
		assertMalformed(header(5, 9, List.of()), "start frontier");
	}

	@Test
	void refusesBrokenLinesNamingTheirNumber() throws Exception {
		String header = header(1, 2, List.of());
		assertMalformed(header + "{\"kind\":\"entry\",\"seq\":1}\n", "line 2");
		assertMalformed(header + "{\"kind\":\"entry\",\"seq\":1,\"time\":\"yesterday\",\"eventId\":\"x\"}\n", "line 2");
		assertMalformed(header + "{\"kind\":\"mystery\"}\n", "unknown kind");
		assertMalformed(header + "{\"kind\":\"checkpoint\",\"treeSize\":1,\"rootHash\":1}\n", "line 2");
		assertMalformed(header + "{\"kind\":\"consistency\",\"treeSize\":1,\"rootHash\":\"" + Hashes.GENESIS
				+ "\",\"time\":\"2026-01-01T00:00:00Z\",\"keyId\":\"k\",\"signature\":\"s\",\"path\":[\"zz\"]}\n", "line 2");
		assertMalformed(header + "{\"kind\":\"entry\"" + ",\"x\":[".repeat(5000) + "\n", "line 2");
	}

	@Test
	void anEntryWithAHugeOrNegativeSequenceIsReportedNotThrown() throws Exception {
		LedgerEntry e = LedgerEntry.create(1, Instant.EPOCH, UUID.randomUUID(), "a", null, "T", "t", "1", "{}", true, Hashes.GENESIS);
		StringWriter file = new StringWriter();
		LedgerExport.Output out = new LedgerExport.Output(file);
		out.header(new LedgerExport.Header(1, 1, Hashes.GENESIS, List.of(), LedgerKeys.encode(KEYS.getPublic()),
				LedgerKeys.keyId(KEYS.getPublic()), Instant.now()));
		out.entry(e);
		assertMalformed(file.toString().replace("\"seq\":1,", "\"seq\":99999999999999999999,"), "line 2");
		LedgerExport.Result negative = LedgerExport.verify(reader(file.toString().replace("\"seq\":1,", "\"seq\":-1,")), null);
		assertThat(negative.verification().intact()).isFalse();
		assertThat(negative.verification().firstBadSequence()).isEqualTo(1);
	}

	static String header(long from, long to, List<String> frontier) {
		StringWriter file = new StringWriter();
		try {
			new LedgerExport.Output(file).header(new LedgerExport.Header(from, to, Hashes.GENESIS, frontier,
					LedgerKeys.encode(KEYS.getPublic()), LedgerKeys.keyId(KEYS.getPublic()), Instant.now()));
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
		return file.toString();
	}

	static void assertMalformed(String file, String message) {
		assertThatThrownBy(() -> LedgerExport.verify(reader(file), null)).isInstanceOf(LedgerExport.MalformedExport.class)
			.hasMessageContaining(message);
	}

	static BufferedReader reader(String text) {
		return new BufferedReader(new StringReader(text));
	}
}
