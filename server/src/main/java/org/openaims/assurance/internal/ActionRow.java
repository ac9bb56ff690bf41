package org.openaims.assurance.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.openaims.assurance.ActionStatus;
import org.openaims.assurance.ActionView;

/** An action of a nonconformity ({@code corrective_actions}) or of a management review ({@code review_actions}). */
public class ActionRow {

	UUID id;

	String description;

	String owner;

	LocalDate dueDate;

	ActionStatus status;

	Instant doneAt;

	ActionRow() {
	}

	ActionRow(UUID id, String description, String owner, LocalDate dueDate) {
		this.id = id;
		this.description = description;
		this.owner = owner;
		this.dueDate = dueDate;
		this.status = ActionStatus.OPEN;
	}

	public UUID id() {
		return id;
	}

	public String owner() {
		return owner;
	}

	public ActionStatus status() {
		return status;
	}

	public String description() {
		return description;
	}

	public LocalDate dueDate() {
		return dueDate;
	}

	public Instant doneAt() {
		return doneAt;
	}

	boolean overdue(LocalDate today) {
		return status == ActionStatus.OPEN && dueDate.isBefore(today);
	}

	ActionView view(UUID evidenceId, String note, LocalDate today) {
		return new ActionView(id, description, owner, dueDate, status, doneAt, evidenceId, note, overdue(today));
	}
}
