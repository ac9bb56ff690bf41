package org.openaims.inventory.internal;

import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/** All AI systems of the register. */
public interface AiSystems extends ListCrudRepository<AiSystem, UUID> {
}
