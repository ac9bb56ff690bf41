package org.openaims.catalog;

import java.util.List;
import java.util.UUID;

/**
 * One node of a framework, in document order ({@code position}), with its parent and depth in the tree,
 * the evidence it calls for, its guidance ({@code annotation}) and the implementation groups it belongs
 * to (e.g. IG1), as its library gives them.
 */
public record RequirementView(UUID id, UUID frameworkId, int position, String urn, String refId, String name,
		String description, String parentUrn, int depth, boolean assessable, NodeKind kind, String evidence, String annotation,
		List<String> implementationGroups) {

	/** "A.6.2.4 Verification and validation" or the name alone. */
	public String label() {
		if (refId == null || refId.isBlank()) {
			return name == null ? urn : name;
		}
		return name == null || name.isBlank() ? refId : refId + " " + name;
	}
}
