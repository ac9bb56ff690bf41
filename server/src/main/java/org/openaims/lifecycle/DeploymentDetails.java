package org.openaims.lifecycle;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A deployment: a version of an AI system put into an environment ({@code production}, {@code staging}
 * …), the change it ships and the gate decision it relies on, and when (now unless given).
 */
public record DeploymentDetails(@NotNull UUID aiSystemId,
		@NotBlank @Size(max = 100) @Pattern(regexp = "[^\\s].*", message = "must not start with a space") String version,
		@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "must be a name such as production or eu-staging") String environment,
		UUID changeId, UUID gateDecisionId, Instant deployedAt, @Size(max = 2000) String note) {
}
