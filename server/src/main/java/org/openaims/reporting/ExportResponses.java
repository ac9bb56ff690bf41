package org.openaims.reporting;

import java.net.URI;

import org.openaims.common.ExportFormat;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The HTTP answer to an export request, the same for every register: the file as a download that is
 * written while it is read (CSV, PDF, small XLSX), or for a large XLSX {@code 202 Accepted} with the
 * background job and its address ({@code Location}). Refusals (a PDF that is too large, too many jobs)
 * are raised before any byte is sent, so they are proper problem details.
 */
public final class ExportResponses {

	private ExportResponses() {
	}

	/** For the REST API: a large XLSX answers 202 with the job, followed at {@code /api/v1/exports/{id}}. */
	public static ResponseEntity<StreamingResponseBody> api(Exports exports, Table table, ExportFormat format) {
		if (exports.needsJob(table, format)) {
			ExportJobView job = exports.start(table, format);
			byte[] json = exports.json(job);
			return ResponseEntity.status(HttpStatus.ACCEPTED)
				.location(URI.create("/api/v1/exports/" + job.id()))
				.contentType(MediaType.APPLICATION_JSON)
				.body(out -> out.write(json));
		}
		return download(exports, table, format);
	}

	/** For pages: a large XLSX leads to the page that follows the job. */
	public static ResponseEntity<StreamingResponseBody> page(Exports exports, Table table, ExportFormat format) {
		if (exports.needsJob(table, format)) {
			ExportJobView job = exports.start(table, format);
			return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/exports/" + job.id())).build();
		}
		return download(exports, table, format);
	}

	private static ResponseEntity<StreamingResponseBody> download(Exports exports, Table table, ExportFormat format) {
		exports.check(table, format);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(format.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(Exports.filename(table, format)).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(out -> {
				exports.write(table, format, out);
				out.flush();
			});
	}
}
