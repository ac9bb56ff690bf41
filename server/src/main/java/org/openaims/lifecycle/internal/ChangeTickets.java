package org.openaims.lifecycle.internal;

import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/** All change tickets. */
public interface ChangeTickets extends ListCrudRepository<ChangeTicket, UUID> {
}
