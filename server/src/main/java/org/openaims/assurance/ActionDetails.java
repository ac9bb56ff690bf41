package org.openaims.assurance;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An action as written: what, who, by when; {@code id} names an existing action of a list being replaced. */
public record ActionDetails(UUID id, @NotBlank @Size(max = 2000) String description, @NotBlank @Size(max = 64) String owner,
		@NotNull LocalDate dueDate) {
}
