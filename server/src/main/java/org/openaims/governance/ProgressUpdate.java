package org.openaims.governance;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * A measurement of an objective at a date (today when absent), with an optional note and an optional
 * new status.
 */
public record ProgressUpdate(@PastOrPresent(message = "cannot be in the future") LocalDate recordedOn,
		@NotBlank @Size(max = 500) String value, @Size(max = 2000) String note, ObjectiveStatus status) {
}
