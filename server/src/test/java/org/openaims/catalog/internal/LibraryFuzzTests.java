package org.openaims.catalog.internal;

import java.util.ArrayList;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.openaims.common.InvalidInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whatever bytes arrive as a library, the parsers and checks either produce a framework or mapping
 * set, or refuse the file with the reasons; they never fail in another way (which would surface as a
 * 500) and never run away on aliases or nesting. Runs the stored inputs in normal test runs; fuzzes
 * with {@code JAZZER_FUZZ=1}.
 */
class LibraryFuzzTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@FuzzTest(maxDuration = "30s")
	void parsingAnyBytesEitherGivesALibraryOrNamesTheProblem(byte[] data) {
		try {
			ParsedLibrary parsed = data.length > 0 && (data[0] == '{' || data[0] == '[') ? OscalCatalogParser.parse(data, JSON)
					: CisoLibraryParser.parse(data);
			if (parsed instanceof ParsedLibrary.Framework framework) {
				LibraryChecks.check(framework, new ArrayList<>());
			}
		}
		catch (InvalidInputException expected) {
			if (expected.problems().isEmpty()) {
				throw new AssertionError("refused without a reason");
			}
		}
	}
}
