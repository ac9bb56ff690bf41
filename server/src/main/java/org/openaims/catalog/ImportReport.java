package org.openaims.catalog;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an import brought in — or, for a dry run ({@code dryRun}), what it would bring in, with nothing
 * stored: a framework with its node counts ({@code nodesPerDepth}: how many nodes at each depth of the
 * tree, to see a file cut short), or the mapping sets of a mapping library with their links, how many
 * of them name requirements not (yet) in the catalog, and the frameworks those belong to; and notes on
 * what was adjusted (e.g. a stated depth that did not match the tree).
 */
public record ImportReport(Kind kind, UUID id, String name, String key, int version, int nodes, int assessable, int controls,
		int links, List<String> notes, boolean dryRun, Map<Integer, Integer> nodesPerDepth, List<SetReport> mappingSets,
		List<MissingFramework> missingFrameworks) {

	/** A framework or a mapping library. */
	public enum Kind {
		FRAMEWORK, MAPPING
	}

	/** One mapping set of a library: its direction, its links and how many of them do not resolve yet. */
	public record SetReport(UUID id, String urn, String name, String sourceKey, String targetKey, int version, int links,
			int unresolved) {
	}

	/** A framework that links name but the catalog does not hold (yet): its URN, and its name where the library says it. */
	public record MissingFramework(String urn, String key, String name, int links) {
	}
}
