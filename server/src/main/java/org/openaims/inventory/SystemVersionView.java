package org.openaims.inventory;

import java.time.Instant;
import java.time.LocalDate;

/** One registered version of an AI system. */
public record SystemVersionView(String label, LocalDate releasedOn, String notes, Instant addedAt, String addedBy) {
}
