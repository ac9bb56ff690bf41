package org.openaims.common.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.openaims.common.FileNames;
import org.openaims.common.FileTypes;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The one way a file a user uploaded is sent back, whichever module holds it: always as an
 * attachment (RFC 6266 {@code filename*} in UTF-8 with an ASCII {@code filename} fallback, so no
 * name can make the server drop the header), with a type from the allow-list only, {@code nosniff},
 * and a sandboxing Content-Security-Policy — so user content never runs in the application's origin.
 */
public final class FileDownloads {

	static final String SANDBOX = "sandbox; default-src 'none'";

	private FileDownloads() {
	}

	public static ResponseEntity<Resource> attachment(Path file, String fileName, String storedType) {
		return attachment(new FileSystemResource(file), fileName, storedType);
	}

	public static ResponseEntity<Resource> attachment(Resource file, String fileName, String storedType) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(FileTypes.allowed(storedType)))
			.header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(fileName))
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", SANDBOX)
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(file);
	}

	/** {@code attachment; filename="ascii"; filename*=UTF-8''percent-encoded} (RFC 6266, RFC 8187). */
	public static String contentDisposition(String fileName) {
		String name = fileName == null || fileName.isBlank() ? "download" : fileName.strip();
		String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
			.replace("%7E", "~");
		return "attachment; filename=\"" + FileNames.ascii(name) + "\"; filename*=UTF-8''" + encoded;
	}
}
