package org.openaims.governance;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The RACI of one subject; {@code name} is the AI system's name for AI systems. */
public record RaciView(RaciSubjectType subjectType, String subjectRef, String name, List<Assignment> assignments) {

	@JsonProperty
	public String accountable() {
		return assignments.stream().filter(a -> a.letter() == RaciLetter.A).map(Assignment::assignee).findFirst().orElse(null);
	}

	@JsonProperty("humanOversight")
	public boolean hasHumanOversight() {
		return assignments.stream().anyMatch(Assignment::humanOversight);
	}
}
