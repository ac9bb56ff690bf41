package org.openaims.risk.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/** All risks of the register. */
public interface Risks extends ListCrudRepository<Risk, UUID> {

	List<Risk> findByAiSystemId(UUID aiSystemId);
}
