package org.openaims.risk;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Asks for the residual risk to be accepted, saying why it is acceptable. */
public record AcceptanceRequest(@NotBlank(message = "say why the residual risk is acceptable") @Size(max = 2000) String rationale) {
}
