package org.openaims.governance.internal;

import java.time.Instant;

import org.openaims.governance.ConcernStatus;

import org.springframework.data.relational.core.mapping.Table;

/** One note on a concern (a row of {@code concern_notes}). */
@Table("concern_notes")
record ConcernNoteRow(String note, ConcernStatus status, String writtenBy, Instant writtenAt) {
}
