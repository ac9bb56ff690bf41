package org.openaims.inventory.internal;

import org.openaims.inventory.AiRole;

import org.springframework.data.relational.core.mapping.Table;

/** One of the organization's roles for an AI system (a row of {@code ai_system_roles}). */
@Table("ai_system_roles")
record OrganizationRole(AiRole role) {
}
