package org.openaims.compliance.web;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import org.openaims.common.InvalidInputException;
import org.openaims.compliance.SoaService;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Export downloads of a Statement of Applicability, built in memory so a failure is an error, not a cut file. */
final class SoaDownloads {

	private SoaDownloads() {
	}

	static ResponseEntity<byte[]> download(SoaService soa, UUID id, Integer version, String format) {
		SoaService.ExportFormat chosen;
		try {
			chosen = SoaService.ExportFormat.valueOf(format.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("format", "must be csv, xlsx or pdf");
		}
		int versionNo = version == null ? soa.latest(id).versionNo() : version;
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		soa.export(id, versionNo, chosen, bytes);
		MediaType type = switch (chosen) {
			case CSV -> new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
			case XLSX -> MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
			case PDF -> MediaType.APPLICATION_PDF;
		};
		String filename = "statement-of-applicability-v" + versionNo + "-" + LocalDate.now() + "." + chosen.name().toLowerCase(Locale.ROOT);
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(bytes.toByteArray());
	}
}
