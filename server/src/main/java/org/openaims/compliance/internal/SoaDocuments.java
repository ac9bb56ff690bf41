package org.openaims.compliance.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/** All Statements of Applicability. */
public interface SoaDocuments extends ListCrudRepository<SoaDocument, UUID> {

	Optional<SoaDocument> findByFrameworkId(UUID frameworkId);
}
