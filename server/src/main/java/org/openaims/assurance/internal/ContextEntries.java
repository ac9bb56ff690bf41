package org.openaims.assurance.internal;

import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/** The context register. */
public interface ContextEntries extends ListCrudRepository<ContextEntry, UUID> {
}
