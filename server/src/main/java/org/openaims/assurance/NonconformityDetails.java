package org.openaims.assurance;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A nonconformity as written (10.2): what happened, the requirement not met (a catalog requirement, by
 * id or by reference such as {@code A.6.2.5}), the AI system concerned, severity, owner, the correction
 * and containment, and the root-cause analysis (method and result). {@code source} and
 * {@code sourceRef} are read when it is raised and never change.
 */
public record NonconformityDetails(@NotBlank @Size(max = 300) String title, @Size(max = 4000) String description,
		NonconformitySource source, @Size(max = 200) String sourceRef, UUID requirementId, @Size(max = 100) String requirementRef,
		UUID aiSystemId, @NotNull Severity severity, @NotBlank @Size(max = 64) String owner, @Size(max = 4000) String correction,
		@Size(max = 4000) String containment, RootCauseMethod rootCauseMethod, @Size(max = 4000) String rootCause, Long version) {
}
