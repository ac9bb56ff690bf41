package org.openaims.risk.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/** All impact assessments, every one kept. */
public interface ImpactAssessments extends ListCrudRepository<ImpactAssessment, UUID> {

	List<ImpactAssessment> findByAiSystemIdOrderByCreatedAtDesc(UUID aiSystemId);

	List<ImpactAssessment> findAllByOrderByCreatedAtDesc();
}
