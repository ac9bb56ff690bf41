package org.openaims.assurance;

/** A nonconformity's severity. */
public enum Severity {
	MINOR, MAJOR
}
