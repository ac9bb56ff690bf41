package org.openaims.common;

import java.text.Normalizer;

/**
 * Names of uploaded files: kept as the user gave them (any script), but refused when they hold a
 * path ({@code ../}, {@code /}, {@code \}), control characters or NUL, or are longer than 255
 * characters; and their plain-ASCII form for the {@code filename} fallback of a download.
 */
public final class FileNames {

	public static final int MAX_LENGTH = 255;

	private FileNames() {
	}

	/** The name, stripped; {@code "document"} when none was given; a 400 on {@code field} when unusable. */
	public static String check(String field, String fileName) {
		String name = fileName == null ? "" : fileName.strip();
		if (name.isEmpty()) {
			return "document";
		}
		if (InputRules.hasNul(name)) {
			throw new InvalidInputException(field, "the file name " + InputRules.NUL_MESSAGE);
		}
		if (name.length() > MAX_LENGTH) {
			throw new InvalidInputException(field, "the file name is longer than " + MAX_LENGTH + " characters");
		}
		if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.equals(".") || name.equals("..")) {
			throw new InvalidInputException(field, "the file name must be a name, not a path");
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u202E') {
				throw new InvalidInputException(field, "the file name holds a control character");
			}
		}
		return name;
	}

	/** An ASCII stand-in for {@code name}: accents dropped, other characters replaced by '_'. */
	public static String ascii(String name) {
		String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < plain.length(); i++) {
			char c = plain.charAt(i);
			out.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != ';' && c != '%' ? c : '_');
		}
		String result = out.toString().strip();
		return result.replace("_", "").isBlank() && !result.contains(".") ? "download" : result;
	}
}
