package org.openaims.reporting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Export limits ({@code aims.reporting.*}).
 *
 * @param pdfRows the most rows a PDF export holds (the renderer lays out the whole document in memory);
 * beyond it the export is refused with 422 naming CSV and XLSX
 * @param directXlsxRows the most rows an XLSX export is built with while the client waits; larger ones
 * are built by a background job
 * @param batchRows how many rows an export reads at a time (with their children, per batch)
 */
@ConfigurationProperties("aims.reporting")
public record ReportingProperties(@DefaultValue("10000") int pdfRows, @DefaultValue("10000") int directXlsxRows,
		@DefaultValue("2000") int batchRows) {

	public ReportingProperties {
		if (pdfRows < 1 || directXlsxRows < 1 || batchRows < 1 || batchRows > org.openaims.common.SortOptions.MAX_BATCH) {
			throw new IllegalArgumentException("aims.reporting: pdf-rows and direct-xlsx-rows must be positive, batch-rows 1 to "
					+ org.openaims.common.SortOptions.MAX_BATCH);
		}
	}
}
