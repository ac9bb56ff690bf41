package org.openaims.inventory;

import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** The relationship with a vendor ended; the vendor stays in the register for the record. */
public record VendorRetired(UUID vendorId, String name, String reason, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of("vendor", vendorId);
	}
}
