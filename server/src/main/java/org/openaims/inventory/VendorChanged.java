package org.openaims.inventory;

import java.util.Map;
import java.util.UUID;

import org.openaims.common.Actor;
import org.openaims.common.FieldChange;

/** Fields of a vendor changed. */
public record VendorChanged(UUID vendorId, String name, Map<String, FieldChange> changes, Actor actor) {
}
