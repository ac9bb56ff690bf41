package org.openaims.catalog;

import java.util.List;
import java.util.UUID;

/**
 * What an import brought in: a framework with its node counts, or a mapping set with its links, and
 * notes on what was adjusted (e.g. a stated depth that did not match the tree).
 */
public record ImportReport(Kind kind, UUID id, String name, String key, int version, int nodes, int assessable, int controls,
		int links, List<String> notes) {

	/** A framework or a mapping library. */
	public enum Kind {
		FRAMEWORK, MAPPING
	}
}
