package org.openaims.evidence.internal;

import java.time.LocalDate;

import org.openaims.common.SqlWhere;
import org.openaims.evidence.Validity;

/** The one way lists filter by validity, for evidence items and competence records alike. */
final class ValidityFilter {

	private ValidityFilter() {
	}

	/**
	 * Adds the condition for {@code validity} on the expiry date {@code expires} (a column, or an
	 * expression that sorts "no expiry" last) and {@code validUntil} (the column that is null without expiry).
	 */
	static void apply(SqlWhere where, Validity validity, String expires, String validUntil, LocalDate today) {
		if (validity == null) {
			return;
		}
		LocalDate soon = today.plusDays(Validity.EXPIRING_DAYS);
		switch (validity) {
			case EXPIRED -> where.and(expires + " < :today", "today", today);
			case EXPIRING -> where.and(expires + " >= :today AND " + expires + " <= :soon", "today", today).param("soon", soon);
			case VALID -> where.and(expires + " > :soon AND " + validUntil + " IS NOT NULL", "soon", soon);
			case NO_EXPIRY -> where.and(validUntil + " IS NULL");
		}
	}
}
