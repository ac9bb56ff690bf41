package org.openaims.risk.internal;

import org.openaims.risk.ImpactArea;

import org.springframework.data.relational.core.mapping.Table;

/** One assessed impact of an impact assessment. */
@Table("impact_lines")
public record ImpactLine(ImpactArea area, String description, int severity, int likelihood, String mitigation) {
}
