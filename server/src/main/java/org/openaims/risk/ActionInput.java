package org.openaims.risk;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A treatment action as written: {@code id} of an existing action to keep it (none for a new one),
 * and the controls it implements, each a requirement id or a reference such as {@code A.6.2.8} (ISO/IEC
 * 42001) or {@code iso27001-2022:A.8.15} (framework key, colon, reference).
 */
public record ActionInput(UUID id, @NotBlank @Size(max = 300) String title, @NotBlank @Size(max = 64) String owner,
		@NotNull LocalDate dueDate, ActionStatus status, LocalDate doneOn, @Size(max = 50) List<@NotBlank String> controls) {
}
