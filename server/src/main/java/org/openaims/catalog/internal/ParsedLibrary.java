package org.openaims.catalog.internal;

import java.util.List;

import org.openaims.catalog.FrameworkSource;
import org.openaims.catalog.NodeKind;
import org.openaims.catalog.Relationship;

/** What a parser read from a library file: a framework with its nodes, or a mapping set with its links. */
public sealed interface ParsedLibrary {

	/** A framework version and its nodes in document order. */
	record Framework(String urn, String refId, String name, String description, String provider, int version,
			FrameworkSource source, List<Node> nodes) implements ParsedLibrary {
	}

	/** One requirement node as written; {@code statedDepth} is checked against the tree. */
	record Node(String urn, String refId, String name, String description, String parentUrn, Integer statedDepth,
			boolean assessable, NodeKind kind, String evidence, String annotation, List<String> groups) {

		Node(String urn, String refId, String name, String description, String parentUrn, Integer statedDepth, boolean assessable,
				NodeKind kind, String evidence) {
			this(urn, refId, name, description, parentUrn, statedDepth, assessable, kind, evidence, null, List.of());
		}
	}

	/** Links from the requirements of one framework to those of another. */
	record MappingSet(String urn, String name, String sourceFrameworkUrn, String targetFrameworkUrn, int version,
			List<Link> links) implements ParsedLibrary {
	}

	/** The mapping sets of one library (CISO Assistant writes both directions into one file). */
	record Mappings(List<MappingSet> sets) implements ParsedLibrary {
	}

	/** One link. */
	record Link(String sourceUrn, String targetUrn, Relationship relationship, String rationale) {
	}
}
