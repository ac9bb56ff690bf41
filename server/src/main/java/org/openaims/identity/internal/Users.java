package org.openaims.identity.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** All users. */
public interface Users extends ListCrudRepository<User, UUID> {

	Optional<User> findByUsername(String username);

	boolean existsByUsername(String username);

	@Query("SELECT COUNT(*) FROM users u WHERE u.enabled = TRUE AND EXISTS "
			+ "(SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = 'ADMIN')")
	long countEnabledAdmins();
}
