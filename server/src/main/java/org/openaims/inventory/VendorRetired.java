package org.openaims.inventory;

import java.util.UUID;

import org.openaims.common.Actor;

/** The relationship with a vendor ended; the vendor stays in the register for the record. */
public record VendorRetired(UUID vendorId, String name, String reason, Actor actor) {
}
