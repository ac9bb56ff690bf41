package org.openaims.identity.internal;

import org.openaims.identity.Role;

import org.springframework.data.relational.core.mapping.Table;

/** One role held by a user (a row of {@code user_roles}). */
@Table("user_roles")
record UserRole(Role role) {
}
