package org.openaims.assurance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A context register entry as written (4.1, 4.2): an internal or external issue with the AI roles and
 * applicable laws it brings, or an interested party with its requirements and whether (and how) the
 * AIMS addresses them. {@code version} is the version last read, for edits.
 */
public record ContextDetails(@NotNull ContextKind kind, @NotBlank @Size(max = 300) String title, @Size(max = 4000) String description,
		@Size(max = 500) String aiRoles, @Size(max = 2000) String applicableLaws, @Size(max = 4000) String requirements, Boolean addressed,
		@Size(max = 2000) String howAddressed, @NotBlank @Size(max = 64) String owner, Long version) {
}
