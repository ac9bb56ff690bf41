package org.openaims.lifecycle.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/** All versions of every system's metric thresholds. */
public interface ThresholdSets extends ListCrudRepository<ThresholdSet, UUID> {

	List<ThresholdSet> findByAiSystemIdOrderByVersionNoDesc(UUID aiSystemId);

	Optional<ThresholdSet> findFirstByAiSystemIdOrderByVersionNoDesc(UUID aiSystemId);
}
