package org.openaims.ledger.format;

import java.time.Instant;

/**
 * Formats an instant exactly as {@link Instant#toString()} does (ISO-8601 in UTC, fraction in groups
 * of three digits, none when zero), without a {@code DateTimeFormatter}: the entry time is formatted
 * for every entry hashed or verified.
 */
final class IsoInstants {

	private static final long SECONDS_PER_DAY = 86_400;

	private IsoInstants() {
	}

	static void append(StringBuilder out, Instant instant) {
		long seconds = instant.getEpochSecond();
		long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
		int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
		// Civil date from days since 1970-01-01 (H. Hinnant's algorithm); years 0..9999 only.
		long z = days + 719_468;
		long era = Math.floorDiv(z, 146_097);
		long dayOfEra = z - era * 146_097;
		long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
		long year = yearOfEra + era * 400;
		long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
		long mp = (5 * dayOfYear + 2) / 153;
		int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
		int month = (int) (mp < 10 ? mp + 3 : mp - 9);
		if (month <= 2) {
			year++;
		}
		if (year < 0 || year > 9999) {
			out.append(instant);
			return;
		}
		digits(out, (int) year, 4).append('-');
		digits(out, month, 2).append('-');
		digits(out, day, 2).append('T');
		digits(out, secondOfDay / 3600, 2).append(':');
		digits(out, secondOfDay / 60 % 60, 2).append(':');
		digits(out, secondOfDay % 60, 2);
		int nanos = instant.getNano();
		if (nanos > 0) {
			out.append('.');
			if (nanos % 1_000_000 == 0) {
				digits(out, nanos / 1_000_000, 3);
			}
			else if (nanos % 1000 == 0) {
				digits(out, nanos / 1000, 6);
			}
			else {
				digits(out, nanos, 9);
			}
		}
		out.append('Z');
	}

	private static StringBuilder digits(StringBuilder out, int value, int width) {
		String text = Integer.toString(value);
		for (int i = text.length(); i < width; i++) {
			out.append('0');
		}
		return out.append(text);
	}
}
