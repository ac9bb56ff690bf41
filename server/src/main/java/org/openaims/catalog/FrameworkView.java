package org.openaims.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * A framework in one version. {@code key} names the framework across versions and libraries (e.g.
 * {@code iso27001-2022}); {@code latest} tells whether no newer version of the same library exists.
 */
public record FrameworkView(UUID id, String urn, String key, String refId, String name, String description, String provider,
		int version, FrameworkSource source, int nodeCount, int assessableCount, int controlCount, boolean latest,
		Instant importedAt, String importedBy) {
}
