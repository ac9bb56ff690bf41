package org.openaims.assurance.internal;

import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/** All nonconformities. */
public interface Nonconformities extends ListCrudRepository<Nonconformity, UUID> {
}
