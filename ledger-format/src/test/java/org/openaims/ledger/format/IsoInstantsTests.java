package org.openaims.ledger.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The fast instant formatter writes exactly what {@link Instant#toString()} writes. Seeded. */
class IsoInstantsTests {

	@Test
	void formatsLikeInstantToString() {
		long seed = Long.getLong("aims.test.seed", System.nanoTime());
		Random random = new Random(seed);
		long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
		long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
		for (int i = 0; i < 200_000; i++) {
			long seconds = min + (long) (random.nextDouble() * (max - min));
			int nanos = switch (i % 4) {
				case 0 -> 0;
				case 1 -> random.nextInt(1000) * 1_000_000;
				case 2 -> random.nextInt(1_000_000) * 1000;
				default -> random.nextInt(1_000_000_000);
			};
			Instant instant = Instant.ofEpochSecond(seconds, nanos);
			StringBuilder out = new StringBuilder();
			IsoInstants.append(out, instant);
			assertThat(out.toString()).as("seed %d", seed).isEqualTo(instant.toString());
		}
		for (String edge : new String[] { "1970-01-01T00:00:00Z", "2000-02-29T23:59:59.999999999Z", "1900-03-01T00:00:00.001Z",
				"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "2026-11-28T05:29:13.651044Z" }) {
			StringBuilder out = new StringBuilder();
			IsoInstants.append(out, Instant.parse(edge));
			assertThat(out.toString()).isEqualTo(Instant.parse(edge).toString());
		}
		StringBuilder far = new StringBuilder();
		IsoInstants.append(far, Instant.parse("+10000-01-01T00:00:00Z"));
		assertThat(far.toString()).isEqualTo(Instant.parse("+10000-01-01T00:00:00Z").toString());
	}
}
