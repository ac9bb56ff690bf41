package org.openaims.governance.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/** All policy versions. */
public interface PolicyVersions extends ListCrudRepository<PolicyVersion, UUID> {

	List<PolicyVersion> findByPolicyIdOrderByVersionNoDesc(UUID policyId);

	Optional<PolicyVersion> findByPolicyIdAndVersionNo(UUID policyId, int versionNo);

	/** The version in force: the published one. */
	default PolicyVersion published(UUID policyId) {
		return findByPolicyIdOrderByVersionNoDesc(policyId).stream()
			.filter(v -> v.status() == org.openaims.governance.PolicyStatus.PUBLISHED)
			.findFirst()
			.orElseThrow(() -> new org.openaims.common.NotFoundException("published version of policy", policyId));
	}
}
