package org.openaims.evidence;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Whether evidence (or a competence) still holds on a day: without an expiry date it does
 * ({@code NO_EXPIRY}); past its date it has {@code EXPIRED}; within {@value #EXPIRING_DAYS} days of it,
 * it is {@code EXPIRING}; otherwise {@code VALID}.
 */
public enum Validity {

	VALID, EXPIRING, EXPIRED, NO_EXPIRY;

	/** How near the expiry date "expiring" starts; lists also filter by 7 and 1 day. */
	public static final int EXPIRING_DAYS = 30;

	public static Validity of(LocalDate validUntil, LocalDate today) {
		if (validUntil == null) {
			return NO_EXPIRY;
		}
		if (validUntil.isBefore(today)) {
			return EXPIRED;
		}
		return ChronoUnit.DAYS.between(today, validUntil) <= EXPIRING_DAYS ? EXPIRING : VALID;
	}

	/** Days from {@code today} to the expiry date (negative once past), or null without one. */
	public static Long daysLeft(LocalDate validUntil, LocalDate today) {
		return validUntil == null ? null : ChronoUnit.DAYS.between(today, validUntil);
	}

	/** Whether it counts as evidence today. */
	public boolean current() {
		return this != EXPIRED;
	}
}
