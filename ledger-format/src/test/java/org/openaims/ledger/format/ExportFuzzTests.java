package org.openaims.ledger.format;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Whatever a file holds, verifying it as an export gives a verdict or refuses the file as malformed
 * (what {@code aims verify} reports with exit code 2); it never fails in another way. The input is a
 * valid header followed by fuzzed lines, so the fuzzer reaches the entry and checkpoint parsing.
 */
class ExportFuzzTests {

	private static final String HEADER = ExportParsingTests.header(1, 3, java.util.List.of());

	@FuzzTest(maxDuration = "30s")
	void verifyingAnyFileGivesAVerdictOrRefusesIt(FuzzedDataProvider data) throws Exception {
		boolean withHeader = data.consumeBoolean();
		String body = data.consumeRemainingAsString();
		String file = withHeader ? HEADER + body : body;
		try (BufferedReader in = new BufferedReader(new InputStreamReader(
				new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))) {
			LedgerExport.verify(in, null);
		}
		catch (LedgerExport.MalformedExport refused) {
			// the documented refusal
		}
	}
}
