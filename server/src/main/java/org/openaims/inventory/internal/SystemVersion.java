package org.openaims.inventory.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.openaims.inventory.SystemVersionView;

import org.springframework.data.relational.core.mapping.Table;

/** A version of an AI system (a row of {@code ai_system_versions}). */
@Table("ai_system_versions")
record SystemVersion(String label, LocalDate releasedOn, String notes, Instant addedAt, String addedBy,
		org.openaims.inventory.ChangeSignificance significance) {

	SystemVersionView view() {
		return new SystemVersionView(label, releasedOn, notes, addedAt, addedBy, significance);
	}
}
