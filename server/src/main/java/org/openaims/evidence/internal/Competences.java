package org.openaims.evidence.internal;

import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/** All competence records. */
public interface Competences extends ListCrudRepository<Competence, UUID> {
}
