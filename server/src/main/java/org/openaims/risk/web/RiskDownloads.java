package org.openaims.risk.web;

import java.time.LocalDate;

import org.openaims.common.ExportFormat;
import org.openaims.common.web.Downloads;
import org.openaims.risk.RiskFilter;
import org.openaims.risk.RiskViews;

import org.springframework.http.ResponseEntity;

/** The risk register (a filter of it) as a download (API and pages); CSV unless a format is given. */
final class RiskDownloads {

	private RiskDownloads() {
	}

	static ResponseEntity<byte[]> download(RiskViews views, RiskFilter filter, String format) {
		ExportFormat chosen = ExportFormat.parse(format == null ? "csv" : format);
		return Downloads.attachment("risk-register-" + LocalDate.now(), chosen, out -> views.export(filter, chosen, out));
	}
}
