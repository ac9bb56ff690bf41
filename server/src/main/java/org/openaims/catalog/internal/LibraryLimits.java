package org.openaims.catalog.internal;

/** The largest library the catalog takes, so that a hostile file cannot exhaust memory or the database. */
final class LibraryLimits {

	/** Bytes of one library file. */
	static final int MAX_BYTES = 10 * 1024 * 1024;

	/** Requirement nodes of one framework, links of one mapping set. */
	static final int MAX_ITEMS = 20_000;

	/** YAML aliases to collections (expansion bombs use thousands). */
	static final int MAX_ALIASES = 50;

	/** Characters that aliases of text may repeat, in all. */
	static final int MAX_ALIASED_TEXT = 64 * 1024;

	/** Nesting of mappings and lists; real libraries need fewer than ten, a parser's stack runs out near a thousand. */
	static final int MAX_DEPTH = 64;

	static final int MAX_URN = 400;

	static final int MAX_REF = 100;

	static final int MAX_NAME = 1000;

	static final int MAX_DESCRIPTION = 20_000;

	private LibraryLimits() {
	}
}
