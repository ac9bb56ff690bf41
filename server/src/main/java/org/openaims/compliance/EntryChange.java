package org.openaims.compliance;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * A change to one control's line of the Statement of Applicability. Only the fields given change; an
 * empty owner clears it. (Evidence is not typed here: it is evidence items linked to the control.) Whatever is decided must hold afterwards: an applicable control
 * has a justification and a status, an excluded one a justification (its status is not applicable).
 */
public record EntryChange(@NotNull UUID requirementId, Boolean applicable, @Size(max = 4000) String justification,
		ImplementationStatus status, @Size(max = 64) String owner,
		@PastOrPresent(message = "cannot be in the future") LocalDate lastReviewed) {
}
