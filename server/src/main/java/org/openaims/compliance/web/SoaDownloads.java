package org.openaims.compliance.web;

import java.time.LocalDate;
import java.util.UUID;

import org.openaims.common.ExportFormat;
import org.openaims.common.web.Downloads;
import org.openaims.compliance.SoaService;

import org.springframework.http.ResponseEntity;

/** A version of a Statement of Applicability as a download (API and pages). */
final class SoaDownloads {

	private SoaDownloads() {
	}

	static ResponseEntity<byte[]> download(SoaService soa, UUID id, Integer version, String format) {
		ExportFormat chosen = ExportFormat.parse(format);
		int versionNo = version == null ? soa.latest(id).versionNo() : version;
		return Downloads.attachment("statement-of-applicability-v" + versionNo + "-" + LocalDate.now(), chosen,
				out -> soa.export(id, versionNo, chosen, out));
	}
}
