package org.openaims.inventory.internal;

import java.util.UUID;

import org.openaims.inventory.LifecycleStage;

import org.springframework.data.relational.core.mapping.Table;

/** An AI system as a scope statement version recorded it: in or out of scope, and why (a row of {@code scope_statement_systems}). */
@Table("scope_statement_systems")
record ScopeSystem(UUID aiSystemId, String name, LifecycleStage lifecycleStage, boolean inScope, String scopeJustification) {
}
