package org.openaims.catalog;

import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** A framework version that nothing used was removed from the catalog (e.g. one imported from a file cut short). */
public record FrameworkRemoved(UUID frameworkId, String urn, String name, int version, int nodes, String contentSha256, String reason,
		Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of("framework", frameworkId);
	}
}
