package org.openaims.assurance.internal;

import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/** All audits. */
public interface Audits extends ListCrudRepository<Audit, UUID> {
}
