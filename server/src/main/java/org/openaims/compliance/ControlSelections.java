package org.openaims.compliance;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Implemented by modules whose records select controls (risk treatment, 6.1.3): for requirement ids,
 * how many records selected each one, the labels of the newest of them (e.g. "RISK-12 Prompt injection
 * on the support assistant", at most {@code newest}) and the page that lists all of them. The Statement
 * of Applicability shows them as "selected by"; never an unbounded list.
 */
public interface ControlSelections {

	Map<UUID, Selection> selections(Collection<UUID> requirementIds, int newest);

	/** What selected one control: a count, the newest few, and where to see them all. */
	record Selection(long count, List<String> newest, String link) {
	}
}
