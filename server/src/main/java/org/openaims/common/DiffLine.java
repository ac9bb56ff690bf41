package org.openaims.common;

/** One line of a comparison of two texts: unchanged, removed (from the older) or added (in the newer). */
public record DiffLine(Kind kind, String text) {

	/** How the line differs. */
	public enum Kind {
		SAME, REMOVED, ADDED
	}
}
