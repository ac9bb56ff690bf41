package org.openaims.assurance;

import java.time.LocalDate;
import java.util.UUID;

/** An open corrective action past its due date, with its nonconformity. */
public record OverdueAction(UUID nonconformityId, String nonconformityTitle, UUID actionId, String description, String owner,
		LocalDate dueDate, long daysOverdue) {
}
