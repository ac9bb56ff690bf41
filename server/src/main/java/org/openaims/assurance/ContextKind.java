package org.openaims.assurance;

/** What a context register entry is (4.1, 4.2). */
public enum ContextKind {
	INTERNAL_ISSUE, EXTERNAL_ISSUE, INTERESTED_PARTY
}
