package org.openaims.monitoring.internal;

import java.time.Instant;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.openaims.common.InvalidInputException;
import org.openaims.ledger.EventLeaves;

/**
 * Whatever bytes arrive as a batch, the event reader answers with checked events — each in canonical
 * JSON that hashes to its leaf — or an {@link InvalidInputException} naming the bad events; never
 * another exception (which would be a 500). Seeds in {@code EventParserFuzzTestsInputs}.
 */
class EventParserFuzzTests {

	@FuzzTest(maxDuration = "30s")
	void readsOrRefuses(byte[] input) {
		try {
			for (EventParser.Event e : EventParser.parse(input, Instant.parse("2026-12-04T12:00:00Z"))) {
				if (!java.util.Arrays.equals(e.leaf(), EventLeaves.leaf(e.canonical()))) {
					throw new AssertionError("an event whose leaf is not its canonical JSON's");
				}
			}
		}
		catch (InvalidInputException e) {
			// a refusal with a reason is the expected answer to broken input
		}
	}
}
