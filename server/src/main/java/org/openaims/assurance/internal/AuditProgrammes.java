package org.openaims.assurance.internal;

import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/** All audit programmes. */
public interface AuditProgrammes extends ListCrudRepository<AuditProgramme, UUID> {
}
