package org.openaims.lifecycle;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A rollback in an environment: the change whose rollback plan was followed (the version it
 * introduced is what is rolled back), the version the environment returns to (by default the one
 * before), why, and when (now unless given).
 */
public record RollbackDetails(@NotNull UUID changeId,
		@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "must be a name such as production or eu-staging") String environment,
		@Size(max = 100) String toVersion, @NotBlank @Size(max = 2000) String reason, Instant deployedAt) {
}
