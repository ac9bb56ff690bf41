package org.openaims.assurance;

import java.util.UUID;

import jakarta.validation.constraints.Size;

/**
 * What an auditor records on a checklist item: who audits it ({@code auditor}; the lead may assign
 * anyone of the team, otherwise the one recording becomes its auditor), the result, notes, the records
 * sampled and evidence. A nonconformity result opens a nonconformity owned by {@code nonconformityOwner}
 * (by default the owner of the system or control) titled {@code nonconformityTitle}.
 */
public record ItemUpdate(@Size(max = 64) String auditor, AuditResult result, @Size(max = 4000) String notes,
		@Size(max = 2000) String sampled, UUID evidenceId, @Size(max = 300) String nonconformityTitle,
		@Size(max = 64) String nonconformityOwner) {
}
