package org.openaims.governance.internal;

import java.util.UUID;

import org.springframework.data.relational.core.mapping.Table;

/** An AI system an objective concerns (a row of {@code objective_systems}). */
@Table("objective_systems")
record ObjectiveSystem(UUID aiSystemId) {
}
