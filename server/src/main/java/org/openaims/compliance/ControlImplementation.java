package org.openaims.compliance;

import java.util.List;
import java.util.UUID;

import org.openaims.catalog.MappedRequirement;

/**
 * A control as implemented, from the latest version of its framework's Statement of Applicability,
 * with the requirements of other frameworks it supports through the catalog's mappings.
 */
public record ControlImplementation(UUID requirementId, UUID frameworkId, String refId, String name, Boolean applicable,
		ImplementationStatus status, String owner, int soaVersion, List<MappedRequirement> supports) {
}
