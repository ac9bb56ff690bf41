package org.openaims.approvals;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An approver's decision with a comment (a rejection needs one). */
public record DecisionRequest(@NotNull Decision decision, @Size(max = 2000) String comment) {
}
