package org.openaims.assurance.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.openaims.assurance.ActionDetails;
import org.openaims.assurance.ActionView;
import org.openaims.common.FieldProblem;
import org.openaims.common.InvalidInputException;

/**
 * A management review's actions as a person types them, one per line: {@code owner | due date | what},
 * e.g. {@code ana | 2027-03-31 | Train a second auditor}. A line whose text equals an existing action's
 * keeps that action (and its progress).
 */
final class ReviewActionLines {

	private ReviewActionLines() {
	}

	static List<ActionDetails> parse(String text, List<ActionView> existing) {
		List<ActionDetails> actions = new ArrayList<>();
		List<FieldProblem> problems = new ArrayList<>();
		if (text == null) {
			return actions;
		}
		int n = 0;
		for (String line : text.split("\\R")) {
			n++;
			if (line.isBlank()) {
				continue;
			}
			String[] parts = line.split("\\|", 3);
			if (parts.length < 3 || parts[0].isBlank() || parts[2].isBlank()) {
				problems.add(new FieldProblem("actions", "line " + n + ": write owner | due date | what"));
				continue;
			}
			LocalDate due;
			try {
				due = LocalDate.parse(parts[1].strip());
			}
			catch (DateTimeParseException e) {
				problems.add(new FieldProblem("actions", "line " + n + ": '" + parts[1].strip() + "' is not a date like 2027-03-31"));
				continue;
			}
			String what = parts[2].strip();
			java.util.UUID id = existing.stream().filter(a -> a.description().equals(what)).map(ActionView::id).findFirst().orElse(null);
			actions.add(new ActionDetails(id, what, parts[0].strip(), due));
		}
		InvalidInputException.throwIfAny(problems);
		return actions;
	}
}
