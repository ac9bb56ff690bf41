package org.openaims.assurance.web;

import org.openaims.common.ExportFormat;
import org.openaims.reporting.ExportResponses;
import org.openaims.reporting.Exports;
import org.openaims.reporting.Table;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** What the assurance API controllers share: exports of their lists. */
final class AssuranceApis {

	private AssuranceApis() {
	}

	static ResponseEntity<StreamingResponseBody> export(Exports exports, Table table, String format) {
		return ExportResponses.api(exports, table, ExportFormat.parse(format == null ? "csv" : format));
	}
}
