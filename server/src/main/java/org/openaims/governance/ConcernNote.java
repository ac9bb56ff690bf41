package org.openaims.governance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A note on a concern, by its reporter or a handler. */
public record ConcernNote(@NotBlank @Size(max = 4000) String note) {
}
