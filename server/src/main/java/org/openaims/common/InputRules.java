package org.openaims.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Rules every text and date a client sends must keep, whichever way it arrives (JSON, form, query,
 * CSV, uploaded library): no NUL character (PostgreSQL cannot store one; nothing legitimate types it)
 * and dates between 1900 and 2200 (a typo such as 0202 or 20226 otherwise ends up in a register).
 */
public final class InputRules {

	public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	public static final LocalDate LATEST = LocalDate.of(2200, 12, 31);

	public static final String NUL_MESSAGE = "must not contain the NUL character (U+0000)";

	public static final String DATE_MESSAGE = "must be between " + EARLIEST + " and " + LATEST;

	private InputRules() {
	}

	public static boolean hasNul(CharSequence text) {
		if (text == null) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '\u0000') {
				return true;
			}
		}
		return false;
	}

	/** Whether a date, time or timestamp lies in the years OpenAIMS accepts; other values pass. */
	public static boolean inRange(Object value) {
		LocalDate date = null;
		if (value instanceof LocalDate d) {
			date = d;
		}
		else if (value instanceof LocalDateTime t) {
			date = t.toLocalDate();
		}
		else if (value instanceof OffsetDateTime t) {
			date = t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
		}
		else if (value instanceof Instant i) {
			date = i.atOffset(ZoneOffset.UTC).toLocalDate();
		}
		return date == null || (!date.isBefore(EARLIEST) && !date.isAfter(LATEST));
	}

	/** Thrown by converters and deserializers when a value breaks one of these rules; names the rule. */
	public static final class Violation extends IllegalArgumentException {

		public Violation(String message) {
			super(message);
		}
	}
}
