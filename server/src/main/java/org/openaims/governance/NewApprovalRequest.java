package org.openaims.governance;

import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.openaims.identity.Role;

/**
 * A request to approve an item: which item, which roles may approve it, how many distinct approvers
 * are needed (quorum, default 1) and by when.
 */
public record NewApprovalRequest(@NotBlank @Size(max = 50) String itemType, @NotBlank @Size(max = 100) String itemId,
		@NotEmpty(message = "name at least one role that may approve") Set<Role> approverRoles,
		@Min(value = 1, message = "must be at least 1") @Max(value = 5, message = "must be at most 5") Integer quorum,
		LocalDate dueDate, @Size(max = 2000) String note) {

	public int effectiveQuorum() {
		return quorum == null ? 1 : quorum;
	}
}
