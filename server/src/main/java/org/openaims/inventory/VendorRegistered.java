package org.openaims.inventory;

import java.util.Map;
import java.util.UUID;

import org.openaims.common.Actor;

/** A vendor or other third party entered the register. */
public record VendorRegistered(UUID vendorId, String name, Map<String, Object> values, Actor actor) {
}
