package org.openaims.ledger.format;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mutates real exports (with checkpoints, a key rotation, a payload kept by digest only, a consistency
 * ending) and asserts that every file the verifier accepts as intact re-serializes to exactly what it
 * read: no field, key, value or line it verified differs from the file, and none was ignored. A
 * reader that dropped a renamed key or skipped an injected field fails here.
 */
class ExportRoundTripFuzzTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Fixed key pairs made for these tests, so the exports (and the saved inputs) are reproducible. */
	private static final KeyPair FIRST = new KeyPair(
			LedgerKeys.publicKey("MCowBQYDK2VwAyEAQlqXPb3sqXkaZmo+V7RSXoNig3b9yyhmxOxLyFCRGJ4="),
			LedgerKeys.privateKey("MC4CAQAwBQYDK2VwBCIEIGu3MBCUt8qHKmSSOWdvU4YY2QdC/Qb5IyZijvT2S0CB"));

	private static final KeyPair SECOND = new KeyPair(
			LedgerKeys.publicKey("MCowBQYDK2VwAyEABEcGmOdt0eeSItzeqEPZ7/r6eh73liV3+rrJ1ULwKUg="),
			LedgerKeys.privateKey("MC4CAQAwBQYDK2VwBCIEIHLjxO/Yvcu5OJN+0UWyXPaUsixSsvulZMy/C0R7wH19"));

	static final List<String> EXPORTS = List.of(
			new ExportBuilder(FIRST).entry("{\"decision\":\"APPROVE\",\"item\":\"policy-7\"}").entry("{\"a\":[1,2,{\"b\":null}]}")
				.checkpoint().entry("{\"text\":\"é \\\"quoted\\\" \\\\n\"}").checkpoint().build(),
			new ExportBuilder(FIRST).entry("{\"a\":1}").checkpoint().rotation(SECOND).entry("{\"b\":2}").checkpoint().signWith(SECOND)
				.entry("x".repeat(300)).checkpoint().build(),
			new ExportBuilder(FIRST).entry("{}").build());

	@FuzzTest(maxDuration = "30s")
	void everyAcceptedExportReSerializesToExactlyWhatWasVerified(FuzzedDataProvider data) throws Exception {
		String file = mutate(EXPORTS.get(data.consumeInt(0, EXPORTS.size() - 1)), data);
		LedgerExport.Result result;
		try (BufferedReader in = new BufferedReader(new StringReader(file))) {
			result = LedgerExport.verify(in, null, null, true);
		}
		catch (LedgerExport.MalformedExport refused) {
			return;
		}
		if (!result.verification().intact()) {
			return;
		}
		List<String> read = new ArrayList<>();
		for (String line : file.split("\r?\n|\r", -1)) {
			if (!line.isBlank()) {
				read.add(line);
			}
		}
		List<String> written = reserialize(result.lines());
		if (read.size() != written.size()) {
			throw new AssertionError("accepted " + read.size() + " lines but verified " + written.size() + ":\n" + file);
		}
		for (int i = 0; i < read.size(); i++) {
			JsonNode given = JSON.readTree(read.get(i));
			JsonNode verified = JSON.readTree(written.get(i));
			if (!given.equals(verified)) {
				throw new AssertionError("line " + (i + 1) + " was accepted as\n  " + read.get(i) + "\nbut what was verified is\n  "
						+ written.get(i));
			}
		}
	}

	static List<String> reserialize(List<Object> lines) throws Exception {
		StringWriter out = new StringWriter();
		LedgerExport.Output output = new LedgerExport.Output(out);
		for (Object line : lines) {
			if (line instanceof LedgerExport.Header header) {
				output.header(header);
			}
			else if (line instanceof LedgerEntry entry) {
				output.entry(entry);
			}
			else if (line instanceof Checkpoint checkpoint) {
				output.checkpoint(checkpoint);
			}
			else if (line instanceof LedgerExport.Consistency consistency) {
				output.consistency(consistency.later(), consistency.path());
			}
		}
		output.flush();
		return List.of(out.toString().split("\n"));
	}

	/** A few edits at fuzzer-chosen places: insertions, deletions, replacements, duplicated lines. */
	static String mutate(String export, FuzzedDataProvider data) {
		StringBuilder text = new StringBuilder(export);
		int edits = data.consumeInt(0, 4);
		for (int i = 0; i < edits && text.length() > 0; i++) {
			int at = data.consumeInt(0, text.length() - 1);
			switch (data.consumeInt(0, 3)) {
				case 0 -> text.insert(at, data.consumeString(40));
				case 1 -> text.delete(at, Math.min(text.length(), at + data.consumeInt(1, 40)));
				case 2 -> text.replace(at, Math.min(text.length(), at + data.consumeInt(1, 10)), data.consumeString(10));
				default -> {
					int start = text.lastIndexOf("\n", at) + 1;
					int end = text.indexOf("\n", at);
					if (end > start) {
						text.insert(end + 1, text.substring(start, end + 1));
					}
				}
			}
		}
		return text.toString();
	}
}
