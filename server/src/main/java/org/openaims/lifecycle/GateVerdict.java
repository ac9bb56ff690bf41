package org.openaims.lifecycle;

/** The release gate's answer. */
public enum GateVerdict {
	ALLOW, DENY
}
