package org.openaims.catalog;

/**
 * How a requirement of one framework relates to one of another (as in CISO Assistant and NIST
 * OLIR): the same, a subset of, a superset of, overlapping, or explicitly not related.
 */
public enum Relationship {
	EQUAL, SUBSET, SUPERSET, INTERSECT, NOT_RELATED;

	/** The relationship seen from the other side. */
	public Relationship reverse() {
		return switch (this) {
			case SUBSET -> SUPERSET;
			case SUPERSET -> SUBSET;
			default -> this;
		};
	}
}
