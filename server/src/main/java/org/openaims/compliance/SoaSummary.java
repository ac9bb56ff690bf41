package org.openaims.compliance;

import java.util.UUID;

/** A Statement of Applicability in the list: its framework and the state of its latest version. */
public record SoaSummary(UUID id, UUID frameworkId, String frameworkName, String title, int latestVersion, SoaStatus latestStatus,
		Integer approvedVersion, int controls, int applicable, int implemented) {
}
