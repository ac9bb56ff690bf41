package org.openaims.governance;

import java.util.UUID;

/** Which objectives a list shows; every part optional. {@code q} searches title, measure and target. */
public record ObjectiveFilter(ObjectiveStatus status, String owner, UUID aiSystemId, Boolean overdue, String q) {

	public static ObjectiveFilter none() {
		return new ObjectiveFilter(null, null, null, null, null);
	}
}
