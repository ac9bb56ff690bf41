package org.openaims.evidence;

import java.util.UUID;

/**
 * Which evidence a list shows; every part optional. {@code requirement}: an id, {@code A.6.2.4} or
 * {@code framework-key:ref}; {@code record}: {@code type:id}; {@code expiringWithin}: days (e.g. 30, 7,
 * 1) from today to the expiry date; {@code q} searches title, description, file names and URLs.
 */
public record EvidenceFilter(EvidenceKind kind, String owner, String requirement, UUID aiSystemId, String record, Validity validity,
		Integer expiringWithin, String q) {

	public static EvidenceFilter none() {
		return new EvidenceFilter(null, null, null, null, null, null, null, null);
	}
}
