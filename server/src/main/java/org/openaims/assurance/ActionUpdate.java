package org.openaims.assurance;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An action's progress: its status, the evidence that it was done and a note. */
public record ActionUpdate(@NotNull ActionStatus status, UUID evidenceId, @Size(max = 2000) String note) {
}
