package org.openaims.common.csv;

import java.io.ByteArrayInputStream;
import java.util.Set;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Whatever bytes arrive, reading a CSV import either succeeds or refuses the file with problems;
 * it never fails in another way (which would surface as a 500). Runs the stored inputs in normal
 * test runs; fuzzes with {@code JAZZER_FUZZ=1}.
 */
class CsvFormatFuzzTests {

	@FuzzTest(maxDuration = "30s")
	void readingAnyBytesEitherSucceedsOrNamesTheProblems(byte[] data) {
		try {
			CsvFormat.read(new ByteArrayInputStream(data), Set.of("a", "b", "name"), Set.of("a"));
		}
		catch (CsvImportException expected) {
			if (expected.problems().isEmpty()) {
				throw new AssertionError("refused without a problem");
			}
		}
	}
}
