package org.openaims.catalog;

import java.time.Instant;
import java.util.UUID;

/** A set of links between two frameworks. */
public record MappingSetView(UUID id, String urn, String name, String sourceFrameworkKey, String targetFrameworkKey, int version,
		FrameworkSource source, int linkCount, Instant importedAt, String importedBy) {
}
