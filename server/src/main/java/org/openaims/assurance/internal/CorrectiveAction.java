package org.openaims.assurance.internal;

import java.time.LocalDate;
import java.util.UUID;

import org.openaims.assurance.ActionView;

import org.springframework.data.relational.core.mapping.Table;

/** A corrective action of a nonconformity (10.2), with the evidence that it was done. */
@Table("corrective_actions")
public class CorrectiveAction extends ActionRow {

	UUID evidenceId;

	CorrectiveAction() {
	}

	CorrectiveAction(UUID id, String description, String owner, LocalDate dueDate) {
		super(id, description, owner, dueDate);
	}

	public ActionView view(LocalDate today) {
		return view(evidenceId, null, today);
	}
}
