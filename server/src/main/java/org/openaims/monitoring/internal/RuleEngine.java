package org.openaims.monitoring.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.openaims.monitoring.Direction;
import org.openaims.monitoring.RuleKind;

/**
 * The state machine of one monitoring rule, on event time. A threshold rule observes each matching
 * metric value in time order; a rate rule observes the count of matching events in each tumbling
 * window of {@code window} (a window is observed when a later window begins, or when the scheduler
 * sees it closed); an absence rule notes the newest matching event and is observed by the scheduler
 * against the clock.
 *
 * <p>An observation is a breach when it is beyond the raise bound ({@code value < raise} for
 * {@code BELOW}, {@code value > raise} for {@code ABOVE}) and clears when it is back on the clear bound's
 * side ({@code value >= clear} / {@code value <= clear}); between the two nothing changes (hysteresis).
 * A breach raises once it has lasted {@code for}; while it lasts each breaching observation updates the
 * incident; clearing resolves it. So a breach raises exactly once and clears exactly once.
 */
public final class RuleEngine {

	private RuleEngine() {
	}

	public enum Phase {
		OK, PENDING, FIRING
	}

	/** A rule's definition as the engine needs it. */
	public record Rule(UUID id, RuleKind kind, Direction direction, double raise, double clear, Duration window, Duration forDuration) {
	}

	/** A rule's state, kept in its row between batches. */
	public static final class State {

		public Phase phase = Phase.OK;

		public Instant pendingSince;

		public Instant lastEventAt;

		public Instant windowStart;

		public long windowCount;

		public UUID incidentId;

		public boolean changed;
	}

	/** What an observation did. */
	public enum EffectKind {
		RAISE, UPDATE, CLEAR
	}

	/** {@code since}: when the breach began (for a raise); {@code at}: the observation's time. */
	public record Effect(EffectKind kind, Instant at, Instant since, double value) {
	}

	/** A threshold rule's metric values, in time order; values older than the newest seen are out of order and skipped. */
	public static List<Effect> values(Rule rule, State state, List<Instant> times, List<Double> values) {
		List<Effect> effects = new ArrayList<>();
		for (int i = 0; i < times.size(); i++) {
			Instant t = times.get(i);
			if (state.lastEventAt != null && t.isBefore(state.lastEventAt)) {
				continue;
			}
			state.lastEventAt = t;
			state.changed = true;
			observe(rule, state, t, values.get(i), effects);
		}
		return effects;
	}

	/** A rate rule's matching events, in time order; an event of a window already observed is not counted (the window is closed). */
	public static List<Effect> events(Rule rule, State state, List<Instant> times) {
		List<Effect> effects = new ArrayList<>();
		long w = rule.window().toSeconds();
		for (Instant t : times) {
			Instant start = Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), w) * w);
			if (state.windowStart == null) {
				state.windowStart = start;
				state.windowCount = 0;
			}
			if (start.isBefore(state.windowStart)) {
				continue;
			}
			if (start.isAfter(state.windowStart)) {
				closeUntil(rule, state, start, effects);
			}
			state.windowCount++;
			state.lastEventAt = state.lastEventAt == null || t.isAfter(state.lastEventAt) ? t : state.lastEventAt;
			state.changed = true;
			if (rule.forDuration().isZero() && state.phase != Phase.FIRING && breach(rule, state.windowCount)) {
				// Counts only grow within a window: a breach is known before the window ends.
				observe(rule, state, t, state.windowCount, effects);
			}
		}
		return effects;
	}

	/** Observes every window of a rate rule that ended before {@code start} (the scheduler passes the clock less the lateness). */
	public static List<Effect> closeWindows(Rule rule, State state, Instant until) {
		List<Effect> effects = new ArrayList<>();
		if (state.windowStart == null) {
			return effects;
		}
		long w = rule.window().toSeconds();
		Instant start = Instant.ofEpochSecond(Math.floorDiv(until.getEpochSecond(), w) * w);
		if (start.isAfter(state.windowStart)) {
			closeUntil(rule, state, start, effects);
		}
		return effects;
	}

	private static void closeUntil(Rule rule, State state, Instant start, List<Effect> effects) {
		Instant end = state.windowStart.plus(rule.window());
		observe(rule, state, end, state.windowCount, effects);
		if (end.isBefore(start)) {
			// Windows without events in between: one empty window is observed (more would repeat it).
			observe(rule, state, end.plus(rule.window()), 0, effects);
		}
		state.windowStart = start;
		state.windowCount = 0;
		state.changed = true;
	}

	/** An absence rule saw matching events up to {@code newest}: a firing rule clears. */
	public static List<Effect> seen(State state, Instant newest) {
		List<Effect> effects = new ArrayList<>();
		if (state.lastEventAt == null || newest.isAfter(state.lastEventAt)) {
			state.lastEventAt = newest;
			state.changed = true;
			if (state.phase == Phase.FIRING) {
				state.phase = Phase.OK;
				effects.add(new Effect(EffectKind.CLEAR, newest, null, 0));
			}
		}
		return effects;
	}

	/** An absence rule at {@code now}: raises once nothing matched for its window since {@code since} (the newest event, or when the rule began). */
	public static List<Effect> absence(Rule rule, State state, Instant since, Instant now) {
		List<Effect> effects = new ArrayList<>();
		Instant last = state.lastEventAt == null ? since : state.lastEventAt;
		if (state.phase != Phase.FIRING && !now.isBefore(last.plus(rule.window()))) {
			state.phase = Phase.FIRING;
			state.changed = true;
			effects.add(new Effect(EffectKind.RAISE, now, last, Duration.between(last, now).toSeconds()));
		}
		return effects;
	}

	static boolean breach(Rule rule, double v) {
		return rule.direction() == Direction.BELOW ? v < rule.raise() : v > rule.raise();
	}

	static boolean clears(Rule rule, double v) {
		return rule.direction() == Direction.BELOW ? v >= rule.clear() : v <= rule.clear();
	}

	private static void observe(Rule rule, State state, Instant t, double v, List<Effect> effects) {
		boolean breach = breach(rule, v);
		state.changed = true;
		switch (state.phase) {
			case OK -> {
				if (breach) {
					state.pendingSince = t;
					state.phase = Phase.PENDING;
					fireIfLasted(rule, state, t, v, effects);
				}
			}
			case PENDING -> {
				if (breach) {
					fireIfLasted(rule, state, t, v, effects);
				}
				else {
					state.phase = Phase.OK;
					state.pendingSince = null;
				}
			}
			case FIRING -> {
				if (clears(rule, v)) {
					state.phase = Phase.OK;
					state.pendingSince = null;
					effects.add(new Effect(EffectKind.CLEAR, t, null, v));
				}
				else if (breach) {
					effects.add(new Effect(EffectKind.UPDATE, t, null, v));
				}
			}
		}
	}

	private static void fireIfLasted(Rule rule, State state, Instant t, double v, List<Effect> effects) {
		if (!t.isBefore(state.pendingSince.plus(rule.forDuration()))) {
			state.phase = Phase.FIRING;
			effects.add(new Effect(EffectKind.RAISE, t, state.pendingSince, v));
		}
	}
}
