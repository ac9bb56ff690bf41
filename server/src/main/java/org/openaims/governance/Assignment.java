package org.openaims.governance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One line of a RACI: a letter given to a user or a role. {@code humanOversight} marks who exercises
 * human oversight of an AI system (A.9.2, A.9.3).
 */
public record Assignment(@NotNull RaciLetter letter, @NotNull AssigneeType assigneeType,
		@NotBlank @Size(max = 64) String assignee, boolean humanOversight) {

	/** A user (by username) or a role. */
	public enum AssigneeType {
		USER, ROLE
	}
}
