package org.openaims.monitoring;

/** Which side of the raise bound is a breach: {@code BELOW} (accuracy under 0.9) or {@code ABOVE} (error rate over 5). */
public enum Direction {
	ABOVE, BELOW
}
