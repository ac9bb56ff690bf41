package org.openaims.catalog;

import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** A set of mappings between two frameworks entered the catalog. */
public record MappingSetImported(UUID mappingSetId, String urn, String name, String sourceFrameworkKey,
		String targetFrameworkKey, int version, int links, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of("mapping-set", mappingSetId);
	}
}
