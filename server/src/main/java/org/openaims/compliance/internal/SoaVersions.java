package org.openaims.compliance.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/** All versions of Statements of Applicability. */
public interface SoaVersions extends ListCrudRepository<SoaVersion, UUID> {

	List<SoaVersion> findBySoaIdOrderByVersionNoDesc(UUID soaId);

	Optional<SoaVersion> findBySoaIdAndVersionNo(UUID soaId, int versionNo);
}
