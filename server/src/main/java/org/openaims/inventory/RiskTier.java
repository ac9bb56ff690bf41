package org.openaims.inventory;

/** The organization's own risk tier for an AI system, which sets how much scrutiny it gets. */
public enum RiskTier {
	LOW, MEDIUM, HIGH, CRITICAL
}
