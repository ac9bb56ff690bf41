package org.openaims.assurance;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An audit programme as written (9.2.2): the period it covers, its objectives, criteria and method. */
public record ProgrammeDetails(@NotBlank @Size(max = 300) String title, @NotNull LocalDate periodStart, @NotNull LocalDate periodEnd,
		@Size(max = 4000) String objectives, @Size(max = 2000) String criteria, @Size(max = 2000) String method, Long version) {
}
