package org.openaims.assurance;

/** How a root cause was analysed. */
public enum RootCauseMethod {
	FIVE_WHYS, FISHBONE, OTHER
}
