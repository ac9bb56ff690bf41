package org.openaims.assurance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One checklist item: what it is about, the requirement's guidance, its auditor and result, and the
 * records linked to it (its Statement of Applicability entry, evidence, the risks whose treatment
 * selects it, test runs and gate decisions in the audited period) — {@code links} is empty when the
 * item is read without them.
 */
public record AuditItemView(int index, ScopeKind subjectType, String subjectRef, UUID requirementId, String title, String guidance,
		String auditor, AuditResult result, String notes, String sampled, UUID evidenceId, UUID nonconformityId, Instant recordedAt,
		String recordedBy, List<Link> links) {

	/** A record linked to the item: what kind, a label, and where to see it (or null). */
	public record Link(String kind, String label, String href) {
	}
}
