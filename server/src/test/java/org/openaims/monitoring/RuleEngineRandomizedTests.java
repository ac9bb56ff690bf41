package org.openaims.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openaims.monitoring.internal.RuleEngine;
import org.openaims.monitoring.internal.RuleEngine.Effect;
import org.openaims.monitoring.internal.RuleEngine.EffectKind;

/**
 * Seeded randomized event streams around a threshold's raise and clear bounds (values drawn near both
 * bounds, random gaps, random {@code for}): the rule raises exactly once per breach and clears exactly
 * once — as a plainly written model of hysteresis counts them —, raises and clears alternate, and the
 * result does not depend on how the stream was cut into batches (the state carries over). Seed 20261204
 * always, and one from the clock (printed, to replay a failure).
 */
class RuleEngineRandomizedTests {

	static List<Long> seeds() {
		long time = System.nanoTime();
		System.out.println("RuleEngineRandomizedTests time seed: " + time);
		return List.of(20261204L, time);
	}

	@ParameterizedTest
	@MethodSource("seeds")
	void aThresholdRaisesOncePerBreachAndClearsOnceWhateverTheBatches(long seed) {
		Random random = new Random(seed);
		for (int round = 0; round < 200; round++) {
			boolean below = random.nextBoolean();
			double raise = below ? 0.90 : 5.0;
			double clear = below ? 0.92 : 3.0;
			long forSeconds = random.nextInt(4) * 60L;
			RuleEngine.Rule rule = new RuleEngine.Rule(UUID.randomUUID(), RuleKind.THRESHOLD, below ? Direction.BELOW : Direction.ABOVE, raise, clear,
					Duration.ZERO, Duration.ofSeconds(forSeconds));
			List<Instant> times = new ArrayList<>();
			List<Double> values = new ArrayList<>();
			Instant t = Instant.parse("2026-12-01T00:00:00Z");
			int n = 20 + random.nextInt(300);
			for (int i = 0; i < n; i++) {
				t = t.plusSeconds(1 + random.nextInt(90));
				times.add(t);
				// values near the raise bound, near the clear bound, in the band and far out
				double around = random.nextBoolean() ? raise : clear;
				double spread = below ? 0.03 : 2.5;
				values.add(around + (random.nextDouble() * 2 - 1) * spread);
			}
			List<Effect> whole = RuleEngine.values(rule, new RuleEngine.State(), times, values);
			int[] expected = model(times, values, below, raise, clear, forSeconds);
			long raises = whole.stream().filter(e -> e.kind() == EffectKind.RAISE).count();
			long clears = whole.stream().filter(e -> e.kind() == EffectKind.CLEAR).count();
			assertThat(raises).as("seed %d round %d: raises", seed, round).isEqualTo(expected[0]);
			assertThat(clears).as("seed %d round %d: clears", seed, round).isEqualTo(expected[1]);
			EffectKind last = EffectKind.CLEAR;
			for (Effect e : whole) {
				if (e.kind() == EffectKind.UPDATE) {
					assertThat(last).as("an update only while raised").isEqualTo(EffectKind.RAISE);
					continue;
				}
				assertThat(e.kind()).as("raise and clear alternate").isNotEqualTo(last);
				last = e.kind();
			}
			// the same stream cut into random batches, the state kept between them
			RuleEngine.State state = new RuleEngine.State();
			List<Effect> batched = new ArrayList<>();
			for (int from = 0; from < n;) {
				int to = Math.min(n, from + 1 + random.nextInt(40));
				batched.addAll(RuleEngine.values(rule, state, times.subList(from, to), values.subList(from, to)));
				from = to;
			}
			assertThat(batched).as("seed %d round %d: batches do not change the outcome", seed, round).isEqualTo(whole);
		}
	}

	/** Counts breaches as a person would: a run of breaching values lasting {@code for} raises; the first clearing value after it clears. */
	static int[] model(List<Instant> times, List<Double> values, boolean below, double raise, double clear, long forSeconds) {
		int raises = 0;
		int clears = 0;
		int i = 0;
		int n = values.size();
		while (i < n) {
			// find where a breach begins
			while (i < n && !(below ? values.get(i) < raise : values.get(i) > raise)) {
				i++;
			}
			if (i == n) {
				break;
			}
			int start = i;
			int raisedAt = -1;
			while (i < n && (below ? values.get(i) < raise : values.get(i) > raise)) {
				if (Duration.between(times.get(start), times.get(i)).toSeconds() >= forSeconds) {
					raisedAt = i;
					break;
				}
				i++;
			}
			if (raisedAt < 0) {
				continue;
			}
			raises++;
			i = raisedAt + 1;
			while (i < n && !(below ? values.get(i) >= clear : values.get(i) <= clear)) {
				i++;
			}
			if (i < n) {
				clears++;
				i++;
			}
		}
		return new int[] { raises, clears };
	}

	@ParameterizedTest
	@MethodSource("seeds")
	void aRateRuleRaisesOncePerBusyStretchAndAnAbsenceOnceUntilSeen(long seed) {
		Random random = new Random(seed);
		RuleEngine.Rule rate = new RuleEngine.Rule(UUID.randomUUID(), RuleKind.RATE, Direction.ABOVE, 10, 3, Duration.ofMinutes(5), Duration.ZERO);
		RuleEngine.State state = new RuleEngine.State();
		Instant t = Instant.parse("2026-12-01T00:00:00Z");
		List<Effect> effects = new ArrayList<>();
		int busyStretches = 0;
		boolean busy = false;
		for (int window = 0; window < 200; window++) {
			boolean nowBusy = random.nextInt(4) == 0 ? !busy : busy;
			if (nowBusy && !busy) {
				busyStretches++;
			}
			busy = nowBusy;
			int count = busy ? 11 + random.nextInt(20) : random.nextInt(4);
			List<Instant> times = new ArrayList<>();
			for (int k = 0; k < count; k++) {
				times.add(t.plusSeconds(window * 300L + random.nextInt(300)));
			}
			times.sort(null);
			effects.addAll(RuleEngine.events(rate, state, times));
			if (count == 0) {
				effects.addAll(RuleEngine.closeWindows(rate, state, t.plusSeconds((window + 1) * 300L)));
			}
		}
		effects.addAll(RuleEngine.closeWindows(rate, state, t.plusSeconds(201 * 300L)));
		long raises = effects.stream().filter(e -> e.kind() == EffectKind.RAISE).count();
		assertThat(raises).as("seed %d", seed).isEqualTo(busyStretches);

		RuleEngine.Rule absence = new RuleEngine.Rule(UUID.randomUUID(), RuleKind.ABSENCE, Direction.ABOVE, 0, 0, Duration.ofHours(1), Duration.ZERO);
		RuleEngine.State quiet = new RuleEngine.State();
		Instant start = Instant.parse("2026-12-01T00:00:00Z");
		assertThat(RuleEngine.absence(absence, quiet, start, start.plus(Duration.ofMinutes(59)))).isEmpty();
		assertThat(RuleEngine.absence(absence, quiet, start, start.plus(Duration.ofMinutes(60)))).hasSize(1);
		assertThat(RuleEngine.absence(absence, quiet, start, start.plus(Duration.ofHours(5)))).isEmpty();
		assertThat(RuleEngine.seen(quiet, start.plus(Duration.ofHours(6)))).extracting(Effect::kind).containsExactly(EffectKind.CLEAR);
		assertThat(RuleEngine.absence(absence, quiet, start, start.plus(Duration.ofHours(6).plusMinutes(59)))).isEmpty();
		assertThat(RuleEngine.absence(absence, quiet, start, start.plus(Duration.ofHours(7)))).hasSize(1);
	}
}
