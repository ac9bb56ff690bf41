package org.openaims.catalog;

/** Where a framework or mapping came from. */
public enum FrameworkSource {
	BUILT_IN, CISO_ASSISTANT, OSCAL
}
