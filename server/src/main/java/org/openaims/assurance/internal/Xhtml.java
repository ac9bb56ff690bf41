package org.openaims.assurance.internal;

import java.util.List;

import org.openaims.common.PdfDocuments;

/** A small XHTML writer for the assurance PDFs (escaped text, headings, tables). */
final class Xhtml {

	private final StringBuilder html = new StringBuilder();

	Xhtml(String title) {
		html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"/><title>").append(e(title)).append("</title><style>")
			.append("@page { size: A4; margin: 18mm 15mm; } body { font-family: sans-serif; font-size: 9.5pt; }")
			.append("h1 { font-size: 16pt; } h2 { font-size: 12pt; margin-top: 14pt; } table { width: 100%; border-collapse: collapse; }")
			.append("th, td { border: 1px solid #999; padding: 2pt 4pt; text-align: left; vertical-align: top; } th { background: #eee; }")
			.append(".draft { color: #a00; font-weight: bold; } dt { font-weight: bold; } .muted { color: #555; }")
			.append("</style></head><body><h1>").append(e(title)).append("</h1>");
	}

	Xhtml h2(String text) {
		html.append("<h2>").append(e(text)).append("</h2>");
		return this;
	}

	Xhtml p(String text) {
		html.append("<p>").append(e(text)).append("</p>");
		return this;
	}

	Xhtml p(String cssClass, String text) {
		html.append("<p class=\"").append(cssClass).append("\">").append(e(text)).append("</p>");
		return this;
	}

	Xhtml field(String label, Object value) {
		html.append("<p><b>").append(e(label)).append(":</b> ").append(e(value == null ? "—" : String.valueOf(value))).append("</p>");
		return this;
	}

	Xhtml table(List<String> header, List<List<String>> rows) {
		html.append("<table><thead><tr>");
		header.forEach(h -> html.append("<th>").append(e(h)).append("</th>"));
		html.append("</tr></thead><tbody>");
		for (List<String> row : rows) {
			html.append("<tr>");
			row.forEach(c -> html.append("<td>").append(e(c == null ? "" : c)).append("</td>"));
			html.append("</tr>");
		}
		html.append("</tbody></table>");
		return this;
	}

	String done() {
		return html.append("</body></html>").toString();
	}

	static String e(String s) {
		return PdfDocuments.escape(s == null ? "" : s);
	}
}
