package org.openaims.identity.internal;

import java.time.Instant;

import org.openaims.identity.Role;

import org.springframework.data.relational.core.mapping.Table;

/** One role held by a user (a row of {@code user_roles}), with who granted it when (null: the system, or before this was recorded). */
@Table("user_roles")
record UserRole(Role role, String grantedBy, Instant grantedAt) {
}
