package org.openaims.risk.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.openaims.risk.CriteriaStatus;

import org.springframework.data.repository.ListCrudRepository;

/** All versions of the risk criteria. */
public interface CriteriaVersions extends ListCrudRepository<CriteriaVersion, UUID> {

	List<CriteriaVersion> findAllByOrderByVersionNoDesc();

	Optional<CriteriaVersion> findFirstByOrderByVersionNoDesc();

	Optional<CriteriaVersion> findFirstByStatusOrderByVersionNoDesc(CriteriaStatus status);
}
