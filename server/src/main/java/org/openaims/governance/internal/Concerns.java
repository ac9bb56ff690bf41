package org.openaims.governance.internal;

import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/** All concerns. */
public interface Concerns extends ListCrudRepository<Concern, UUID> {

	java.util.Optional<Concern> findByReceiptHash(String receiptHash);
}
