package org.openaims.ledger.format;

import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the canonical JSON form the ledger hashes and signs: object keys sorted, no white space,
 * strings escaped as RFC 8785 prescribes, integers only. The same values always give the same bytes.
 */
public final class CanonicalJson {

	private CanonicalJson() {
	}

	/** A flat object of strings, integers, booleans and nulls. */
	public static String object(Map<String, ?> fields) {
		StringBuilder out = new StringBuilder(256);
		out.append('{');
		boolean first = true;
		for (Map.Entry<String, ?> field : new TreeMap<>(fields).entrySet()) {
			if (!first) {
				out.append(',');
			}
			first = false;
			string(out, field.getKey());
			out.append(':');
			value(out, field.getValue());
		}
		return out.append('}').toString();
	}

	static void value(StringBuilder out, Object value) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof String s) {
			string(out, s);
		}
		else if (value instanceof Long || value instanceof Integer) {
			out.append(((Number) value).longValue());
		}
		else if (value instanceof Boolean b) {
			out.append(b.booleanValue());
		}
		else {
			throw new IllegalArgumentException("not a canonical JSON value: " + value.getClass().getName());
		}
	}

	/** Appends a JSON string: {@code "} and {@code \} escaped, control characters as short or {@code \}u00xx escapes. */
	public static void string(StringBuilder out, String s) {
		out.append('"');
		if (plain(s)) {
			out.append(s);
			out.append('"');
			return;
		}
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

	/** Whether a string needs no escaping (the common case: ids, names, hashes). */
	private static boolean plain(String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c < 0x20 || c == '"' || c == '\\') {
				return false;
			}
		}
		return true;
	}
}
