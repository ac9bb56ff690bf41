package org.openaims.assurance.internal;

import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/** All management reviews. */
public interface ManagementReviews extends ListCrudRepository<ManagementReview, UUID> {
}
