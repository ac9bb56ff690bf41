package org.openaims.evidence.internal;

import org.springframework.data.relational.core.mapping.Table;

/** What an item is evidence for (a row of {@code evidence_links}). */
@Table("evidence_links")
record EvidenceLink(String targetType, String targetId) {

	static final String REQUIREMENT = "REQUIREMENT";

	static final String AI_SYSTEM = "AI_SYSTEM";

	static final String RECORD = "RECORD";
}
