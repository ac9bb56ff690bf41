package org.openaims.assurance.internal;

import java.util.Arrays;
import java.util.List;

/** Text as the assurance records keep it. */
public final class Texts {

	private Texts() {
	}

	/** Null for blank text, else stripped. */
	public static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	/** A comma-separated list (stripped, blanks dropped). */
	public static List<String> list(String joined) {
		return joined == null || joined.isBlank() ? List.of() : Arrays.stream(joined.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	/** A list joined with commas, or null when empty. */
	public static String join(List<String> items) {
		if (items == null) {
			return null;
		}
		List<String> kept = items.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).distinct().toList();
		return kept.isEmpty() ? null : String.join(",", kept);
	}
}
