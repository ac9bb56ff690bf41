package org.openaims.governance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The receipt code of an anonymous concern and, to add to the concern, a note. */
public record ReceiptNote(@NotBlank @Size(max = 100) String receipt, @Size(max = 4000) String note) {
}
