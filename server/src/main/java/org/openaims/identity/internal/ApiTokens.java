package org.openaims.identity.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

/** All API tokens. */
public interface ApiTokens extends ListCrudRepository<ApiToken, UUID> {

	Optional<ApiToken> findByTokenHash(String tokenHash);

	List<ApiToken> findByUserIdOrderByCreatedAtDesc(UUID userId);

	List<ApiToken> findAllByOrderByCreatedAtDesc();

	/** Records use without touching the aggregate's version (not a change of the token). */
	@Modifying
	@Query("UPDATE api_tokens SET last_used_on = :on WHERE id = :id")
	void markUsed(@Param("id") UUID id, @Param("on") LocalDate on);
}
