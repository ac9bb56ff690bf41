package org.openaims.evidence.internal;

import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/** All evidence items. */
public interface EvidenceItems extends ListCrudRepository<Evidence, UUID> {
}
