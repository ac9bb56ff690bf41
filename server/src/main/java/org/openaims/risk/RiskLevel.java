package org.openaims.risk;

import java.util.Set;

import org.openaims.identity.Role;

/**
 * A level of the risk matrix (e.g. "high") and the roles that may accept a residual risk at that level
 * (6.1.1 acceptance criteria). Levels are listed from lowest to highest.
 */
public record RiskLevel(String key, String name, Set<Role> acceptedBy) {
}
