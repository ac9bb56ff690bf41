package org.openaims.inventory.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/** All versions of the scope statement. */
public interface ScopeStatements extends ListCrudRepository<ScopeStatement, UUID> {

	Optional<ScopeStatement> findFirstByOrderByVersionNoDesc();

	Optional<ScopeStatement> findByVersionNo(int versionNo);

	List<ScopeStatement> findAllByOrderByVersionNoDesc();

	/** The ids of every version, without loading them. */
	@org.springframework.data.jdbc.repository.query.Query("SELECT id FROM scope_statements ORDER BY version_no")
	List<UUID> versionIds();
}
