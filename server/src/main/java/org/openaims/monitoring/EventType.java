package org.openaims.monitoring;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What an operational event is. {@code EVALUATION} is an evaluation result named with OpenTelemetry's
 * GenAI attributes ({@code gen_ai.evaluation.name}, {@code gen_ai.evaluation.score.value} …);
 * {@code HEARTBEAT} says the system is alive (what absence rules wait for).
 */
public enum EventType {
	METRIC, DRIFT_ALERT, HUMAN_OVERRIDE, COMPLAINT, ERROR, SECURITY_ALERT, EVALUATION, HEARTBEAT, CUSTOM;

	/** The name in events: lower case with underscores ({@code drift_alert}). */
	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Reads {@code drift_alert}, {@code drift-alert} or {@code DRIFT_ALERT}. */
	public static Optional<EventType> read(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String key = text.strip().replace('-', '_').toUpperCase(Locale.ROOT);
		return Arrays.stream(values()).filter(t -> t.name().equals(key)).findFirst();
	}

	public static String names() {
		return Arrays.stream(values()).map(EventType::wire).collect(Collectors.joining(", "));
	}
}
