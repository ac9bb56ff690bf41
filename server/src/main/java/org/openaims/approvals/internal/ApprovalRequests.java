package org.openaims.approvals.internal;

import java.util.List;
import java.util.UUID;

import org.openaims.approvals.ApprovalStatus;

import org.springframework.data.repository.ListCrudRepository;

/** All approval requests. */
public interface ApprovalRequests extends ListCrudRepository<ApprovalRequest, UUID> {

	List<ApprovalRequest> findByItemTypeAndItemIdOrderByCreatedAtDesc(String itemType, String itemId);

	List<ApprovalRequest> findByStatusOrderByCreatedAt(ApprovalStatus status);
}
