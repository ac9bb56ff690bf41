package org.openaims.assurance.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Independence exceptions asked for audits. */
public interface IndependenceExceptions extends ListCrudRepository<IndependenceException, UUID> {

	@Query("SELECT * FROM independence_exceptions WHERE audit_id = :auditId ORDER BY item_index, requested_at")
	List<IndependenceException> findByAudit(UUID auditId);
}
