package org.openaims.monitoring;

/**
 * What makes an incident reportable (EU AI Act art. 3(49), 73): {@code SERIOUS} for every serious
 * incident, and the circumstances with shorter deadlines. Reporting rules name the one they apply to.
 */
public enum Classification {
	SERIOUS, WIDESPREAD_INFRINGEMENT, CRITICAL_INFRASTRUCTURE, DEATH
}
