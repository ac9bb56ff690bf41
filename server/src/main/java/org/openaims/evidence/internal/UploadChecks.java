package org.openaims.evidence.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.openaims.common.InvalidInputException;

/**
 * What an upload must pass before it is kept: an archive that stays an archive (no "zip bomb" that
 * expands a few kilobytes into gigabytes) and, for evidence, content that is what its name and its
 * declared type say. Archives are read entry by entry, counting the bytes actually inflated — never
 * trusting the sizes the archive claims.
 */
public final class UploadChecks {

	/** The most bytes all entries of an archive may expand to. */
	public static final long MAX_EXPANDED_BYTES = 200L * 1024 * 1024;

	/** The most an archive may expand relative to its size, once it expands beyond {@link #RATIO_FLOOR}. */
	public static final long MAX_RATIO = 100;

	/** Small archives may compress well (a text file of spaces): the ratio counts above this size only. */
	static final long RATIO_FLOOR = 1024L * 1024;

	/** The most entries an archive may have. */
	public static final int MAX_ENTRIES = 10_000;

	private static final Tika TIKA = new Tika();

	private static final MediaTypeRegistry REGISTRY = MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();

	private UploadChecks() {
	}

	/** Refuses a ZIP-based file (ZIP, DOCX, XLSX, ODT …) that expands too much or has too many entries. */
	public static void requireNoArchiveBomb(Path file) throws IOException {
		if (!startsWithZipSignature(file)) {
			return;
		}
		long compressed = Files.size(file);
		long expanded = 0;
		int entries = 0;
		byte[] buffer = new byte[64 * 1024];
		try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				if (++entries > MAX_ENTRIES) {
					throw new InvalidInputException("file", "is an archive of more than " + MAX_ENTRIES + " entries");
				}
				int n;
				while ((n = zip.read(buffer)) > 0) {
					expanded += n;
					if (expanded > MAX_EXPANDED_BYTES) {
						throw new InvalidInputException("file", "is an archive that expands to more than "
								+ MAX_EXPANDED_BYTES / (1024 * 1024) + " MB");
					}
					if (expanded > RATIO_FLOOR && expanded > MAX_RATIO * compressed) {
						throw new InvalidInputException("file", "is an archive that expands more than " + MAX_RATIO
								+ " times its size (entry '" + printable(entry.getName()) + "'); a zip bomb is not evidence");
					}
				}
			}
		}
		catch (ZipException | java.io.EOFException | IllegalArgumentException e) {
			// cut short, flipped bits, bad headers: what a damaged or crafted archive throws while it is read
			throw new InvalidInputException("file", "is a damaged ZIP archive (" + e.getMessage() + ")");
		}
	}

	/**
	 * Refuses a file whose content contradicts its name's extension or the declared type (a "report.pdf"
	 * that is HTML). Content that only refines the declaration (a DOCX is a ZIP, CSV is text) passes; a
	 * name without a known extension and a declaration of {@code application/octet-stream} declare nothing.
	 */
	public static void requireContentMatchesDeclaration(Path file, String fileName, String declaredType) throws IOException {
		MediaType content;
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
			content = MediaType.parse(TIKA.detect(in));
		}
		MediaType byName = MediaType.parse(TIKA.detect(fileName));
		check(content, byName, "is named '" + printable(fileName) + "'");
		MediaType declared = declaredType == null || declaredType.isBlank() ? null : MediaType.parse(declaredType.strip());
		check(content, declared == null ? null : declared.getBaseType(), "was sent as " + (declared == null ? "" : declared.getBaseType()));
	}

	private static void check(MediaType content, MediaType declared, String what) {
		if (declared == null || declared.equals(MediaType.OCTET_STREAM) || content == null) {
			return;
		}
		if (compatible(REGISTRY.normalize(declared), REGISTRY.normalize(content))) {
			return;
		}
		throw new InvalidInputException("file", what + " but its content is " + describe(content)
				+ "; upload it under a name and type that say what it is");
	}

	static boolean compatible(MediaType declared, MediaType content) {
		if (REGISTRY.isInstanceOf(declared, content)) {
			return true; // the declaration refines what the content shows: a DOCX is a ZIP, CSV is text
		}
		// Plain text is what any text format looks like without its name (JSON, Markdown, CSV, YAML); unrecognized
		// bytes, or any other content, match only a declaration the registry says they refine.
		String type = declared.toString();
		return content.equals(MediaType.TEXT_PLAIN) && (declared.getType().equals("text") && !isActive(declared)
				|| type.equals("application/json") || type.equals("application/x-yaml") || type.equals("application/yaml")
				|| type.equals("application/xml"));
	}

	/** Text types a browser runs. */
	private static boolean isActive(MediaType type) {
		String t = type.toString();
		return t.equals("text/html") || t.equals("text/javascript") || t.equals("text/xml") || t.startsWith("text/x-")
				&& (t.contains("script") || t.contains("html"));
	}

	private static String describe(MediaType content) {
		String type = content.toString();
		if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
			return "HTML (" + type + ")";
		}
		if (type.equals("application/octet-stream")) {
			return "of no recognized type";
		}
		return type;
	}

	private static boolean startsWithZipSignature(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] head = in.readNBytes(4);
			return head.length == 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5 || head[2] == 7)
					&& (head[3] == 4 || head[3] == 6 || head[3] == 8);
		}
	}

	private static String printable(String text) {
		String s = text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
		return s.length() > 80 ? s.substring(0, 80) + "…" : s;
	}
}
