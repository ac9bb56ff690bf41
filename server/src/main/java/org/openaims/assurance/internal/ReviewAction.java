package org.openaims.assurance.internal;

import java.time.LocalDate;
import java.util.UUID;

import org.openaims.assurance.ActionView;

import org.springframework.data.relational.core.mapping.Table;

/** An action decided by a management review (9.3.3), tracked to closure and shown among the next review's inputs. */
@Table("review_actions")
public class ReviewAction extends ActionRow {

	String note;

	ReviewAction() {
	}

	ReviewAction(UUID id, String description, String owner, LocalDate dueDate) {
		super(id, description, owner, dueDate);
	}

	public ActionView view(LocalDate today) {
		return view(null, note, today);
	}
}
