package org.openaims.catalog;

import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** A framework version entered the catalog; {@code contentSha256} identifies the imported file. */
public record FrameworkImported(UUID frameworkId, String urn, String name, int version, FrameworkSource source, int nodes,
		int assessable, String contentSha256, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of("framework", frameworkId);
	}
}
