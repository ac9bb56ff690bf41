package org.openaims.common.web;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.function.Consumer;

import org.openaims.common.ExportFormat;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Export downloads, built in memory so a failure is an error answer, not a cut file. */
public final class Downloads {

	private Downloads() {
	}

	/** {@code writer} writes the export; the file is named {@code stem.extension}. */
	public static ResponseEntity<byte[]> attachment(String stem, ExportFormat format, Consumer<OutputStream> writer) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		writer.accept(bytes);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(format.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(stem + "." + format.extension()).build().toString())
			.body(bytes.toByteArray());
	}
}
