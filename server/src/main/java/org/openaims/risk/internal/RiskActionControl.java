package org.openaims.risk.internal;

import java.util.UUID;

import org.springframework.data.relational.core.mapping.Table;

/** A control (framework requirement) a treatment action implements; the SoA shows it as "selected by". */
@Table("risk_action_controls")
public record RiskActionControl(UUID actionId, UUID requirementId) {
}
