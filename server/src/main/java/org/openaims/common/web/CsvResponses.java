package org.openaims.common.web;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.function.Consumer;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * CSV download responses for list exports, written to the client as the rows are read (the writer
 * reads its list in keyset pages), so memory stays bounded whatever the list's size. Checks that can
 * refuse the export belong before this is called: once rows flow, the status is sent.
 */
public final class CsvResponses {

	public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private CsvResponses() {
	}

	public static ResponseEntity<StreamingResponseBody> attachment(String name, Consumer<Writer> writer) {
		String filename = name + "-" + LocalDate.now() + ".csv";
		return ResponseEntity.ok()
			.contentType(TEXT_CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(out -> {
				Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
				writer.accept(text);
				text.flush();
			});
	}
}
