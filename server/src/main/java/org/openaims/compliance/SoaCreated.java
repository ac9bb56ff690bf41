package org.openaims.compliance;

import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** A Statement of Applicability was started for a framework, with one undecided line per control. */
public record SoaCreated(UUID soaId, UUID frameworkId, String title, int controls, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of(SoaService.SUBJECT, soaId);
	}
}
