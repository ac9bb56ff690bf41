package org.openaims.common.web;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.function.Consumer;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * CSV download responses for list exports. The file is built in memory before the first
 * byte is sent, so a failure is answered as an error instead of a cut-off file.
 */
public final class CsvResponses {

	public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private CsvResponses() {
	}

	public static ResponseEntity<byte[]> attachment(String name, Consumer<Writer> writer) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		writer.accept(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
		String filename = name + "-" + LocalDate.now() + ".csv";
		return ResponseEntity.ok()
			.contentType(TEXT_CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(bytes.toByteArray());
	}
}
