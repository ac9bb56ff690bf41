package org.openaims.governance.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.relational.core.mapping.Table;

/** One progress update of an objective (a row of {@code objective_progress}). */
@Table("objective_progress")
record ObjectiveProgressRow(LocalDate recordedOn, String measuredValue, String note, String recordedBy, Instant recordedAt) {
}
