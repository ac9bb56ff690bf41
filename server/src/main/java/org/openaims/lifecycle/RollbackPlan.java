package org.openaims.lifecycle;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * How a change is undone: the steps, the criteria that trigger a rollback, who carries it out, and
 * whether the plan was tested (when, with which evidence item).
 */
public record RollbackPlan(@Size(max = 4000) String steps, @Size(max = 2000) String triggerCriteria, @Size(max = 64) String owner,
		boolean tested, @PastOrPresent(message = "cannot be in the future") LocalDate testedOn, UUID evidenceId) {

	/** Whether the plan says what to do, when and who. */
	public boolean complete() {
		return present(steps) && present(triggerCriteria) && present(owner);
	}

	private static boolean present(String s) {
		return s != null && !s.isBlank();
	}
}
