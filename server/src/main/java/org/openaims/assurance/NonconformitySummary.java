package org.openaims.assurance;

import java.util.UUID;

/** A nonconformity as other records list it. */
public record NonconformitySummary(UUID id, String title, Severity severity, NonconformityStatus status, String owner, String requirementRef) {
}
