package org.openaims.assurance;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A management review as written (9.3): when, the period its inputs cover, who chairs and attends,
 * the minutes, decisions (9.3.3) and the actions decided (owner, due date).
 */
public record ReviewDetails(@NotBlank @Size(max = 300) String title, @NotNull LocalDate scheduledFor, @NotNull LocalDate periodStart,
		@NotNull LocalDate periodEnd, @NotBlank @Size(max = 64) String chair, @Size(max = 30) List<@Size(max = 64) String> attendees,
		@Size(max = 20000) String minutes, @Size(max = 8000) String decisions, @Size(max = 100) List<@Valid ActionDetails> actions,
		Long version) {
}
