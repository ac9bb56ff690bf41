package org.openaims.reporting.web;

import java.util.UUID;

import org.openaims.common.web.FileDownloads;
import org.openaims.reporting.ExportJobView;
import org.openaims.reporting.Exports;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Background exports over REST: how far one got, and its file once it is done (the starter's own, or any for administrators). */
@RestController
@RequestMapping("/api/v1/exports")
class ExportJobApiController {

	private final Exports exports;

	ExportJobApiController(Exports exports) {
		this.exports = exports;
	}

	@GetMapping("/{id}")
	ExportJobView job(@PathVariable UUID id) {
		return exports.job(id);
	}

	/** The finished file, as a download; 409 while the job is not done. */
	@GetMapping("/{id}/file")
	ResponseEntity<InputStreamResource> file(@PathVariable UUID id) {
		return ExportFiles.download(exports, id);
	}

	/** The one way a finished export file goes out, for the API and the pages. */
	static final class ExportFiles {

		private ExportFiles() {
		}

		static ResponseEntity<InputStreamResource> download(Exports exports, UUID id) {
			ExportJobView job = exports.job(id);
			InputStreamResource body = new InputStreamResource(exports.file(id));
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(job.format().contentType()))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						FileDownloads.contentDisposition(job.name() + "-" + job.createdAt().toString().substring(0, 10) + "." + job.format().extension()))
				.header("X-Content-Type-Options", "nosniff")
				.cacheControl(CacheControl.noStore().cachePrivate())
				.contentLength(job.fileSize() == null ? -1 : job.fileSize())
				.body(body);
		}
	}
}
