package org.openaims.assurance;

import java.util.UUID;

/** Filters of the nonconformity list: status, source, severity, owner, requirement reference, AI system, text. */
public record NonconformityFilter(NonconformityStatus status, NonconformitySource source, Severity severity, String owner,
		String requirement, UUID aiSystemId, String q) {
}
