package org.openaims.inventory;

import java.time.Instant;
import java.time.LocalDate;

/** One registered version of an AI system, with the significance of the change it brought. */
public record SystemVersionView(String label, LocalDate releasedOn, String notes, Instant addedAt, String addedBy,
		ChangeSignificance significance) {
}
