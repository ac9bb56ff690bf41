package org.openaims.inventory;

import java.util.Map;
import java.util.UUID;

import org.openaims.common.Audited;
import org.openaims.common.Stamp;
import org.openaims.common.Subject;
import org.openaims.common.FieldChange;

/** Fields of a vendor changed. */
public record VendorChanged(UUID vendorId, String name, Map<String, FieldChange> changes, Stamp stamp) implements Audited {

	@Override
	public Subject subject() {
		return Subject.of("vendor", vendorId);
	}
}
