package org.openaims.risk.web;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Locale;

import org.openaims.common.InvalidInputException;
import org.openaims.risk.RiskFilter;
import org.openaims.risk.RiskService;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Export downloads of the risk register, built in memory so a failure is an error, not a cut file. */
final class RiskDownloads {

	private RiskDownloads() {
	}

	static ResponseEntity<byte[]> download(RiskService risks, RiskFilter filter, String format) {
		RiskService.ExportFormat chosen;
		try {
			chosen = RiskService.ExportFormat.valueOf((format == null ? "csv" : format).strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("format", "must be csv, xlsx or pdf");
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		risks.export(filter, chosen, bytes);
		MediaType type = switch (chosen) {
			case CSV -> new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
			case XLSX -> MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
			case PDF -> MediaType.APPLICATION_PDF;
		};
		String filename = "risk-register-" + LocalDate.now() + "." + chosen.name().toLowerCase(Locale.ROOT);
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(bytes.toByteArray());
	}
}
