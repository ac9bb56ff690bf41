package org.openaims.inventory.internal;

import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/** All vendors and other third parties. */
public interface Vendors extends ListCrudRepository<Vendor, UUID> {
}
