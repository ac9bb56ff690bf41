package org.openaims.lifecycle;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.openaims.inventory.ChangeSignificance;

/**
 * A change ticket as its author writes it: the AI system, the version it starts from and the version
 * it introduces, what kind of change, a title and description, how significant it is, the test runs
 * that show it works, and its rollback plan. {@code version} guards an edit against one made meanwhile.
 */
public record ChangeDetails(@NotNull UUID aiSystemId, @Size(max = 100) String fromVersion,
		@NotBlank @Size(max = 100) @Pattern(regexp = "[^\\s].*", message = "must not start with a space") String toVersion,
		@NotNull ChangeType type, @NotBlank @Size(max = 300) String title, @Size(max = 4000) String description,
		@NotNull ChangeSignificance significance, @Size(max = 200) List<@NotNull UUID> testRunIds, @Valid RollbackPlan rollbackPlan,
		Long version) {
}
