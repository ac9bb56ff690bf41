package org.openaims.governance;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An AI objective (6.2): what is to be achieved, how it is measured, the target, who owns it, by
 * when, its status and the AI systems it concerns. {@code version} (optional on update) guards
 * against overwriting someone else's change.
 */
public record ObjectiveDetails(
		@NotBlank @Size(max = 300) String title,
		@NotBlank @Size(max = 1000) String measure,
		@NotBlank @Size(max = 500) String target,
		@NotBlank @Size(max = 64) String owner,
		@NotNull LocalDate dueDate,
		ObjectiveStatus status,
		@Size(max = 100) Set<@NotNull UUID> aiSystemIds,
		Long version) {
}
