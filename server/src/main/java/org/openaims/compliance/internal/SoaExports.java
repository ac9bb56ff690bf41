package org.openaims.compliance.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openaims.common.PdfDocuments;
import org.openaims.common.csv.CsvFormat;
import org.openaims.compliance.SoaEntryView;
import org.openaims.compliance.SoaView;
import org.openaims.approvals.ApprovalView;

import org.springframework.stereotype.Component;

/**
 * The Statement of Applicability as an auditor receives it: CSV, an Excel workbook, or a PDF whose
 * header names the version, its approval and the date. Every control is listed with its decision,
 * justification and status.
 */
@Component
public class SoaExports {

	private static final List<String> HEADER = List.of("control", "name", "applicable", "justification", "status", "owner",
			"evidence", "last_reviewed", "selected_by");

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

	public void csv(SoaView soa, OutputStream out) {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		CsvFormat.write(writer, HEADER, rows(soa));
	}

	public void xlsx(SoaView soa, OutputStream out) {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("Statement of Applicability");
			Font bold = workbook.createFont();
			bold.setBold(true);
			CellStyle heading = workbook.createCellStyle();
			heading.setFont(bold);
			CellStyle wrap = workbook.createCellStyle();
			wrap.setWrapText(true);
			int r = 0;
			for (String line : title(soa)) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(line);
				if (r == 1) {
					row.getCell(0).setCellStyle(heading);
				}
			}
			r++;
			int headerRow = r;
			Row header = sheet.createRow(r++);
			for (int c = 0; c < HEADER.size(); c++) {
				header.createCell(c).setCellValue(HEADER.get(c));
				header.getCell(c).setCellStyle(heading);
			}
			for (List<?> values : rows(soa)) {
				Row row = sheet.createRow(r++);
				for (int c = 0; c < values.size(); c++) {
					Object value = values.get(c);
					row.createCell(c).setCellValue(value == null ? "" : String.valueOf(value));
					if (c == 3 || c == 6) {
						row.getCell(c).setCellStyle(wrap);
					}
				}
			}
			sheet.setAutoFilter(new CellRangeAddress(headerRow, r - 1, 0, HEADER.size() - 1));
			sheet.createFreezePane(0, headerRow + 1);
			int[] widths = { 12, 40, 11, 60, 16, 16, 40, 14, 30 };
			for (int c = 0; c < widths.length; c++) {
				sheet.setColumnWidth(c, widths[c] * 256);
			}
			workbook.write(out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public void pdf(SoaView soa, OutputStream out) {
		StringBuilder html = new StringBuilder();
		html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"/><title>").append(e(soa.title())).append("</title><style>")
			.append("@page { size: A4 landscape; margin: 14mm; @bottom-right { content: 'page ' counter(page) ' of ' counter(pages); "
					+ "font-size: 8pt; } } body { font-family: sans-serif; font-size: 8.5pt; } h1 { font-size: 14pt; margin: 0 0 4pt 0; } "
					+ "p.meta { margin: 0; color: #333; } table { width: 100%; border-collapse: collapse; margin-top: 10pt; } "
					+ "th, td { border: 0.5pt solid #999; padding: 3pt; vertical-align: top; text-align: left; } "
					+ "th { background: #eee; } thead { display: table-header-group; } tr { page-break-inside: avoid; }")
			.append("</style></head><body>");
		List<String> title = title(soa);
		html.append("<h1>").append(e(title.get(0))).append("</h1>");
		for (String line : title.subList(1, title.size())) {
			html.append("<p class=\"meta\">").append(e(line)).append("</p>");
		}
		html.append("<table><thead><tr><th>Control</th><th>Name</th><th>Applicable</th><th>Justification</th><th>Status</th>"
				+ "<th>Owner</th><th>Evidence</th><th>Last reviewed</th></tr></thead><tbody>");
		for (List<?> row : rows(soa)) {
			html.append("<tr>");
			for (int c = 0; c < 8; c++) {
				Object value = row.get(c);
				html.append("<td>").append(e(value == null ? "" : String.valueOf(value))).append("</td>");
			}
			html.append("</tr>");
		}
		html.append("</tbody></table></body></html>");
		PdfDocuments.render(html.toString(), out);
	}

	/** The title lines: statement, framework, version and status, approval, generation date. */
	private static List<String> title(SoaView soa) {
		List<String> lines = new ArrayList<>();
		lines.add(soa.title());
		lines.add("Framework: " + soa.frameworkName());
		lines.add("Version " + soa.versionNo() + " — " + soa.status().name().toLowerCase().replace('_', ' ')
				+ " — last changed " + STAMP.format(soa.updatedAt()) + " by " + soa.updatedBy());
		ApprovalView approval = soa.approval();
		if (approval != null && approval.approvedAndUnchanged()) {
			lines.add("Approved on " + STAMP.format(approval.closedAt()) + " by " + String.join(", ",
					approval.decisions().stream().map(ApprovalView.DecisionView::approver).toList()));
		}
		else {
			lines.add("Not approved" + (approval == null ? "" : " (approval request " + approval.status().name().toLowerCase() + ")"));
		}
		lines.add(soa.entries().size() + " controls, " + soa.applicableCount() + " applicable — generated " + LocalDate.now(ZoneOffset.UTC));
		return lines;
	}

	/** The evidence shown in a cell: the first few items with their validity, and how many more. */
	static String evidence(SoaEntryView e) {
		List<String> shown = e.evidence().stream().limit(EVIDENCE_SHOWN)
			.map(v -> v.title() + " (" + (v.validUntil() == null ? "no expiry" : v.validity().name().toLowerCase() + ", valid until "
					+ v.validUntil()) + ")")
			.toList();
		long more = e.evidence().size() - shown.size();
		return String.join("; ", shown) + (more > 0 ? "; and " + more + " more (" + e.evidence().size() + " in all)" : "");
	}

	static final int EVIDENCE_SHOWN = 5;

	/** The newest few, and how many more (a cell never holds an unbounded list). */
	static String selectedBy(SoaEntryView e) {
		String shown = String.join("; ", e.selectedBy());
		long more = e.selectedByCount() - e.selectedBy().size();
		return more > 0 ? shown + "; and " + more + " more (" + e.selectedByCount() + " in all)" : shown;
	}

	private static List<List<?>> rows(SoaView soa) {
		List<List<?>> rows = new ArrayList<>();
		for (SoaEntryView e : soa.entries()) {
			rows.add(Arrays.asList(e.refId(), e.name(), e.applicable() == null ? "undecided" : e.applicable() ? "yes" : "no",
					e.justification(), e.status() == null ? null : e.status().name(), e.owner(), evidence(e), e.lastReviewed(),
					selectedBy(e)));
		}
		return rows;
	}

	private static String e(String text) {
		return PdfDocuments.escape(text);
	}
}
