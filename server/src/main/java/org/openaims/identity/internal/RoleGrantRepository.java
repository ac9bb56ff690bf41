package org.openaims.identity.internal;

import java.util.List;
import java.util.UUID;

import org.openaims.identity.RoleGrantStatus;

import org.springframework.data.repository.ListCrudRepository;

/** Grants of approving roles. */
public interface RoleGrantRepository extends ListCrudRepository<RoleGrant, UUID> {

	List<RoleGrant> findByUserIdAndStatus(UUID userId, RoleGrantStatus status);

	List<RoleGrant> findByStatusOrderByRequestedAt(RoleGrantStatus status);

	List<RoleGrant> findByUserIdOrderByRequestedAtDesc(UUID userId);
}
