package org.openaims.inventory;

import java.time.LocalDate;

/**
 * Which vendors a list shows: text in name, services or contract; due-diligence status; review due
 * on or before a date; active (not retired) only.
 */
public record VendorFilter(String q, DueDiligenceStatus status, LocalDate reviewDueBy, Boolean active) {

	public static VendorFilter none() {
		return new VendorFilter(null, null, null, null);
	}
}
