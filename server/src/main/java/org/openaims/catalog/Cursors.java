package org.openaims.catalog;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.openaims.common.InvalidInputException;

/** Opaque page cursors of the catalog's lists: the values of the last row, base64url-encoded. */
final class Cursors {

	private static final char SEPARATOR = '\u001F';

	private Cursors() {
	}

	static String encode(String... values) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(String.join(String.valueOf(SEPARATOR), values)
			.getBytes(StandardCharsets.UTF_8));
	}

	static String[] decode(String cursor, int parts) {
		try {
			String[] values = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8)
				.split(String.valueOf(SEPARATOR), -1);
			if (values.length == parts) {
				return values;
			}
		}
		catch (IllegalArgumentException e) {
			// not base64: refused below
		}
		throw invalid();
	}

	static UUID uuid(String text) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException e) {
			throw invalid();
		}
	}

	static int position(String text) {
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException e) {
			throw invalid();
		}
	}

	private static InvalidInputException invalid() {
		return new InvalidInputException("after", "is not a cursor of this list; use the 'next' of the previous page");
	}
}
