package org.openaims.governance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A handler moves a concern to a state, saying why; closing it needs a resolution. */
public record ConcernTriage(@NotNull ConcernStatus status, @NotBlank @Size(max = 4000) String note,
		@Size(max = 4000) String resolution) {
}
