package org.openaims.evidence;

import java.time.LocalDate;
import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/**
 * An evidence item's validity ended ({@code validUntil} has passed): announced once per expiry date,
 * for readiness rules and reminders to act on.
 */
public record EvidenceExpired(UUID evidenceId, String title, String owner, LocalDate validUntil, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of(EvidenceService.SUBJECT, evidenceId);
	}
}
