package org.openaims.common;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.tika.Tika;

/**
 * The type of an uploaded file, detected from its bytes (Apache Tika; the name only refines what the
 * content allows, e.g. a ZIP named {@code .docx}) and kept only when it is on the allow-list of
 * documents, spreadsheets, text, CSV, JSON, images and ZIP archives. Anything else — HTML, SVG,
 * scripts, executables, or a file whose content contradicts its name — is stored and served as
 * {@code application/octet-stream}. Serves 7.5.3 (documented information kept safe to open).
 */
public final class FileTypes {

	public static final String UNKNOWN = "application/octet-stream";

	private static final Set<String> ALLOWED = Set.of("application/pdf", "application/msword", "application/vnd.ms-excel",
			"application/vnd.ms-powerpoint", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			"application/vnd.openxmlformats-officedocument.presentationml.presentation",
			"application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
			"application/vnd.oasis.opendocument.presentation", "text/plain", "text/markdown", "text/csv", "application/json",
			"image/png", "image/jpeg", "image/gif", "image/webp", "application/zip");

	/** Tika's names for types the allow-list knows by their registered name. */
	private static final Map<String, String> ALIASES = Map.of("text/x-web-markdown", "text/markdown");

	private static final Tika TIKA = new Tika();

	private FileTypes() {
	}

	/** The allowed type of a stored file, or {@link #UNKNOWN}. */
	public static String detect(Path file, String fileName) {
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
			return allowed(TIKA.detect(in, fileName));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** {@code type} if the allow-list has it (parameters dropped), otherwise {@link #UNKNOWN}. */
	public static String allowed(String type) {
		if (type == null) {
			return UNKNOWN;
		}
		String base = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
		base = ALIASES.getOrDefault(base, base);
		return ALLOWED.contains(base) ? base : UNKNOWN;
	}
}
