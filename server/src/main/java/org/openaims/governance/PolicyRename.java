package org.openaims.governance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new title for a policy, and why (a policy in force is renamed only once approved). */
public record PolicyRename(@NotBlank @Size(max = 200) String title, @Size(max = 2000) String reason) {
}
