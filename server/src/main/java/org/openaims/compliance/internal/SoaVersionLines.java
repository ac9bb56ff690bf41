package org.openaims.compliance.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.openaims.compliance.ImplementationStatus;

/** The lines of a version as the service reads them (the entries themselves stay inside the aggregate). */
public final class SoaVersionLines {

	private SoaVersionLines() {
	}

	/** One line. */
	public record Line(UUID requirementId, String refId, int position, Boolean applicable, String justification,
			ImplementationStatus status, String owner, String evidence, LocalDate lastReviewed) {
	}

	public static List<Line> of(SoaVersion version) {
		return version.sorted().stream()
			.map(e -> new Line(e.requirementId(), e.refId(), e.position(), e.applicable(), e.justification(), e.status(), e.owner(),
					e.evidence(), e.lastReviewed()))
			.toList();
	}
}
