package org.openaims.reporting.internal;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.openaims.common.PdfDocuments;
import org.openaims.reporting.TableWriter;

/**
 * A table as a PDF for reading on paper (A4 landscape, header repeated on each page). The renderer
 * lays out the whole document in memory, so a PDF holds at most {@link org.openaims.reporting.Exports#PDF_ROWS}
 * rows; larger exports are CSV or XLSX.
 */
public final class PdfTableWriter implements TableWriter {

	private final String title;

	private final List<String> header;

	private final StringBuilder rows = new StringBuilder();

	public PdfTableWriter(String title, List<String> header) {
		this.title = title;
		this.header = List.copyOf(header);
	}

	@Override
	public void row(List<?> values) {
		rows.append("<tr>");
		for (Object value : values) {
			rows.append("<td>").append(PdfDocuments.escape(value == null ? "" : String.valueOf(value))).append("</td>");
		}
		rows.append("</tr>");
	}

	public void writeTo(OutputStream out) {
		StringBuilder html = new StringBuilder();
		html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"/><title>").append(PdfDocuments.escape(title))
			.append("</title><style>")
			.append("@page { size: A4 landscape; margin: 12mm; @bottom-right { content: 'page ' counter(page) ' of ' counter(pages); "
					+ "font-size: 8pt; } } body { font-family: sans-serif; font-size: 8pt; } h1 { font-size: 14pt; margin: 0 0 4pt 0; } "
					+ "table { width: 100%; border-collapse: collapse; margin-top: 8pt; } "
					+ "th, td { border: 0.5pt solid #999; padding: 2pt; vertical-align: top; text-align: left; } "
					+ "th { background: #eee; } thead { display: table-header-group; } tr { page-break-inside: avoid; }")
			.append("</style></head><body><h1>").append(PdfDocuments.escape(title)).append("</h1><table><thead><tr>");
		List<String> names = new ArrayList<>(header);
		for (String name : names) {
			html.append("<th>").append(PdfDocuments.escape(name.replace('_', ' '))).append("</th>");
		}
		html.append("</tr></thead><tbody>").append(rows).append("</tbody></table></body></html>");
		PdfDocuments.render(html.toString(), out);
	}
}
