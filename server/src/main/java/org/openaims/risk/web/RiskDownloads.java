package org.openaims.risk.web;

import org.openaims.common.ExportFormat;
import org.openaims.reporting.ExportResponses;
import org.openaims.reporting.Exports;
import org.openaims.risk.RiskFilter;
import org.openaims.risk.RiskViews;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The risk register (a filter of it) as a download (API and pages); CSV unless a format is given.
 * Written as it is read: a register of any size exports without holding it in memory.
 */
final class RiskDownloads {

	private RiskDownloads() {
	}

	static ResponseEntity<StreamingResponseBody> api(RiskViews views, Exports exports, RiskFilter filter, String format) {
		ExportFormat chosen = ExportFormat.parse(format == null ? "csv" : format);
		return ExportResponses.api(exports, views.exportTable(filter, chosen, exports.batchRows()), chosen);
	}

	static ResponseEntity<StreamingResponseBody> page(RiskViews views, Exports exports, RiskFilter filter, String format) {
		ExportFormat chosen = ExportFormat.parse(format == null ? "csv" : format);
		return ExportResponses.page(exports, views.exportTable(filter, chosen, exports.batchRows()), chosen);
	}
}
