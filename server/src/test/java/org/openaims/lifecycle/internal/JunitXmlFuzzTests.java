package org.openaims.lifecycle.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.openaims.common.InvalidInputException;

/**
 * Whatever bytes arrive, the JUnit XML and metrics readers answer with a report or an
 * {@link InvalidInputException} — never another exception (which would be a 500). Seeds: the real
 * reports under {@code src/test/resources/junit} and {@code JunitXmlFuzzTestsInputs}.
 */
class JunitXmlFuzzTests {

	@FuzzTest(maxDuration = "30s")
	void readsOrRefuses(byte[] input) {
		try {
			JunitXml.parse("reports", "fuzz.xml", input);
		}
		catch (InvalidInputException e) {
			// a refusal with a reason is the expected answer to broken input
		}
		try {
			MetricsJson.parse("metrics", "fuzz.json", input);
		}
		catch (InvalidInputException e) {
			// likewise
		}
	}
}
