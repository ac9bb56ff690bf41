package org.openaims.governance.internal;

import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/** All AI objectives. */
public interface Objectives extends ListCrudRepository<Objective, UUID> {
}
