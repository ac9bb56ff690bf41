package org.openaims.governance;

import java.util.UUID;

/** Which concerns a list shows; every part optional. {@code q} searches summary and description. */
public record ConcernFilter(ConcernStatus status, UUID aiSystemId, Boolean open, String q) {

	public static ConcernFilter none() {
		return new ConcernFilter(null, null, null, null);
	}
}
