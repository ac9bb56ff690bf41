package org.openaims.inventory;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A new version of the scope statement: the AIMS boundaries, the criteria that bring an AI system
 * into scope, and exclusions each with its justification (4.3).
 *
 * @param basedOnVersion the version the author started from; a save is refused if another version
 * was saved meanwhile (optional)
 */
public record ScopeStatementDetails(
		@NotBlank @Size(max = 20000) String boundaries,
		@NotBlank @Size(max = 20000) String inclusionCriteria,
		@Size(max = 200) List<@Valid Exclusion> exclusions,
		@Size(max = 2000) String changeNote,
		Integer basedOnVersion) {

	/** Something deliberately left out of the AIMS, and why. */
	public record Exclusion(@NotBlank @Size(max = 500) String subject, @NotBlank @Size(max = 4000) String justification) {
	}

	public List<Exclusion> exclusionList() {
		return exclusions == null ? List.of() : exclusions;
	}
}
