package org.openaims.catalog;

import java.util.UUID;

/**
 * A requirement of another framework related to the one asked about, seen from the one asked about:
 * "A.5.1 (this) INTERSECT A.2.2 (that)". {@code requirementId} is set when that framework is in the
 * catalog; {@code mappingSet} names where the link comes from.
 */
public record MappedRequirement(String frameworkKey, String refId, String name, UUID frameworkId, UUID requirementId,
		Relationship relationship, String rationale, String mappingSet) {
}
