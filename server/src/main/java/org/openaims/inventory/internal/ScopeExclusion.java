package org.openaims.inventory.internal;

import org.springframework.data.relational.core.mapping.Table;

/** An exclusion of a scope statement version (a row of {@code scope_exclusions}). */
@Table("scope_exclusions")
record ScopeExclusion(String subject, String justification) {
}
