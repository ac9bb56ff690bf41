package org.openaims.compliance.web;

import java.time.LocalDate;
import java.util.UUID;

import org.openaims.common.ExportFormat;
import org.openaims.common.web.Downloads;
import org.openaims.compliance.SoaViews;

import org.springframework.http.ResponseEntity;

/** A version of a Statement of Applicability as a download (API and pages). */
final class SoaDownloads {

	private SoaDownloads() {
	}

	static ResponseEntity<byte[]> download(SoaViews views, UUID id, Integer version, String format) {
		ExportFormat chosen = ExportFormat.parse(format);
		int versionNo = version == null ? views.latest(id).versionNo() : version;
		return Downloads.attachment("statement-of-applicability-v" + versionNo + "-" + LocalDate.now(), chosen,
				out -> views.export(id, versionNo, chosen, out));
	}
}
