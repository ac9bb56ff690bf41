package org.openaims.risk.internal;

import java.time.LocalDate;
import java.util.UUID;

import org.openaims.risk.ActionStatus;

import org.springframework.data.relational.core.mapping.Table;

/** A treatment action of a risk: what is done, by whom, by when, and whether it is done. */
@Table("risk_actions")
public record RiskAction(UUID actionId, int position, String title, String owner, LocalDate dueDate, ActionStatus status,
		LocalDate doneOn) {
}
