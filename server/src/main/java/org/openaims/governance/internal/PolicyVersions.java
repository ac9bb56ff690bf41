package org.openaims.governance.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/** All policy versions. */
public interface PolicyVersions extends ListCrudRepository<PolicyVersion, UUID> {

	List<PolicyVersion> findByPolicyIdOrderByVersionNoDesc(UUID policyId);

	Optional<PolicyVersion> findByPolicyIdAndVersionNo(UUID policyId, int versionNo);
}
