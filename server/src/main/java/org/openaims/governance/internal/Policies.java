package org.openaims.governance.internal;

import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/** All policies. */
public interface Policies extends ListCrudRepository<Policy, UUID> {

	boolean existsByTitle(String title);
}
