package org.openaims.compliance;

import org.openaims.evidence.EvidenceSummary;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One control in a Statement of Applicability: its decision, justification, status, owner, the evidence
 * items linked to it (soonest to expire first, with their validity),
 * last review, and what selected it — {@code selectedByCount} risks, the newest few of them in
 * {@code selectedBy} ({@value SoaViews#SELECTED_SHOWN} at most) and {@code selectedByLink}, the filtered
 * register that lists all of them.
 */
public record SoaEntryView(UUID requirementId, String refId, String name, int position, Boolean applicable,
		String justification, ImplementationStatus status, String owner, List<EvidenceSummary> evidence, LocalDate lastReviewed,
		List<String> selectedBy, long selectedByCount, String selectedByLink, List<String> implementationGroups) {

	/** Decided and complete: what submission for approval needs of every line. */
	public boolean complete() {
		return applicable != null && justification != null && !justification.isBlank() && status != null;
	}
}
