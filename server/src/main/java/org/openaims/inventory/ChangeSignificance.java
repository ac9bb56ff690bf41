package org.openaims.inventory;

/**
 * How far a new version of an AI system changes it (8.2, 8.4): only a significant change flags the
 * system's risks for reassessment and makes its impact assessment stale.
 */
public enum ChangeSignificance {
	MINOR, SIGNIFICANT
}
