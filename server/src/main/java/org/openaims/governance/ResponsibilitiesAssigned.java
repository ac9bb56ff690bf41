package org.openaims.governance;

import java.util.List;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** The RACI of a subject was set (it replaces the previous one); recorded in the subject's history. */
public record ResponsibilitiesAssigned(RaciSubjectType subjectType, String subjectRef, List<Assignment> assignments,
		Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return subjectOf(subjectType, subjectRef);
	}

	/** Where the RACI of a subject is recorded: the AI system's own history, or that of the control or process. */
	public static Subject subjectOf(RaciSubjectType subjectType, String subjectRef) {
		return switch (subjectType) {
			case AI_SYSTEM -> new Subject("ai-system", subjectRef);
			case CONTROL -> new Subject("control", subjectRef);
			case PROCESS -> new Subject("process", subjectRef.length() > 100 ? subjectRef.substring(0, 100) : subjectRef);
		};
	}
}
