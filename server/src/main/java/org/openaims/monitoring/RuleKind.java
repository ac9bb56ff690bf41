package org.openaims.monitoring;

/**
 * {@code THRESHOLD}: a metric's value against a raise and a clear bound; {@code RATE}: how many
 * matching events in each window of {@code windowSeconds}; {@code ABSENCE}: no matching event for
 * {@code windowSeconds}.
 */
public enum RuleKind {
	THRESHOLD, RATE, ABSENCE
}
