package org.openaims.inventory;

import java.util.Map;
import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;

/** A vendor or other third party entered the register. */
public record VendorRegistered(UUID vendorId, String name, Map<String, Object> values, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of("vendor", vendorId);
	}
}
