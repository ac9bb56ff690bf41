package org.openaims.lifecycle.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/** Every version of the release-gate policy. */
public interface GatePolicies extends ListCrudRepository<GatePolicy, UUID> {

	List<GatePolicy> findAllByOrderByVersionNoDesc();

	Optional<GatePolicy> findFirstByOrderByVersionNoDesc();

	/** The version in force: the newest approved. */
	default Optional<GatePolicy> inForce() {
		return findAllByOrderByVersionNoDesc().stream().filter(p -> p.review().isApproved()).findFirst();
	}
}
