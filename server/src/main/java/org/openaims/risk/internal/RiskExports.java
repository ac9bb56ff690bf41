package org.openaims.risk.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openaims.common.PdfDocuments;
import org.openaims.common.csv.CsvFormat;
import org.openaims.risk.ControlRef;
import org.openaims.risk.RiskView;

import org.springframework.stereotype.Component;

/** The risk register as CSV, an Excel workbook or a PDF, one line per risk with its scores, treatment and acceptance. */
@Component
public class RiskExports {

	private static final List<String> HEADER = List.of("ref", "title", "ai_system", "category", "owner", "status", "criteria_version",
			"inherent", "inherent_level", "treatment", "actions", "controls", "target", "residual", "residual_level", "accepted_by",
			"accepted_at", "reassessment_due", "review_date");

	public void csv(List<RiskView> risks, OutputStream out) {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		CsvFormat.write(writer, HEADER, rows(risks));
	}

	public void xlsx(List<RiskView> risks, OutputStream out) {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("Risk register");
			Font bold = workbook.createFont();
			bold.setBold(true);
			CellStyle heading = workbook.createCellStyle();
			heading.setFont(bold);
			Row title = sheet.createRow(0);
			title.createCell(0).setCellValue(title(risks));
			title.getCell(0).setCellStyle(heading);
			Row header = sheet.createRow(2);
			for (int c = 0; c < HEADER.size(); c++) {
				header.createCell(c).setCellValue(HEADER.get(c));
				header.getCell(c).setCellStyle(heading);
			}
			int r = 3;
			for (List<?> values : rows(risks)) {
				Row row = sheet.createRow(r++);
				for (int c = 0; c < values.size(); c++) {
					Object value = values.get(c);
					row.createCell(c).setCellValue(value == null ? "" : String.valueOf(value));
				}
			}
			sheet.setAutoFilter(new CellRangeAddress(2, Math.max(2, r - 1), 0, HEADER.size() - 1));
			sheet.createFreezePane(0, 3);
			sheet.setColumnWidth(1, 40 * 256);
			workbook.write(out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public void pdf(List<RiskView> risks, OutputStream out) {
		StringBuilder html = new StringBuilder();
		html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"/><title>Risk register</title><style>")
			.append("@page { size: A4 landscape; margin: 12mm; @bottom-right { content: 'page ' counter(page) ' of ' counter(pages); "
					+ "font-size: 8pt; } } body { font-family: sans-serif; font-size: 8pt; } h1 { font-size: 14pt; margin: 0 0 4pt 0; } "
					+ "table { width: 100%; border-collapse: collapse; margin-top: 8pt; } "
					+ "th, td { border: 0.5pt solid #999; padding: 2pt; vertical-align: top; text-align: left; } "
					+ "th { background: #eee; } thead { display: table-header-group; } tr { page-break-inside: avoid; }")
			.append("</style></head><body><h1>").append(e(title(risks))).append("</h1><table><thead><tr>");
		int[] columns = { 0, 1, 2, 3, 4, 5, 7, 8, 9, 11, 13, 14, 15, 18 };
		for (int c : columns) {
			html.append("<th>").append(e(HEADER.get(c).replace('_', ' '))).append("</th>");
		}
		html.append("</tr></thead><tbody>");
		for (List<?> row : rows(risks)) {
			html.append("<tr>");
			for (int c : columns) {
				Object value = row.get(c);
				html.append("<td>").append(e(value == null ? "" : String.valueOf(value))).append("</td>");
			}
			html.append("</tr>");
		}
		html.append("</tbody></table></body></html>");
		PdfDocuments.render(html.toString(), out);
	}

	private static String title(List<RiskView> risks) {
		return "AI risk register — " + risks.size() + " risks — generated " + LocalDate.now(ZoneOffset.UTC);
	}

	private static List<List<?>> rows(List<RiskView> risks) {
		List<List<?>> rows = new ArrayList<>();
		for (RiskView r : risks) {
			rows.add(Arrays.asList(r.ref(), r.title(), r.about().aiSystemName() == null ? "organization" : r.about().aiSystemName(), r.about().categoryName(),
					r.about().owner(), r.status(), r.assessment().criteriaVersionNo(), score(r.assessment().inherent()), r.assessment().inherent().levelName(), r.plan().treatmentOption(),
					r.plan().actions().stream().map(a -> a.title() + " (" + a.status() + ", due " + a.dueDate() + ")").collect(Collectors.joining("; ")),
					r.plan().actions().stream().flatMap(a -> a.controls().stream()).map(ControlRef::refId).distinct().collect(Collectors.joining("; ")),
					score(r.assessment().target()), score(r.assessment().residual()), r.assessment().residual() == null ? null : r.assessment().residual().levelName(), r.acceptance().acceptedBy(),
					r.acceptance().acceptedAt(), r.schedule().reassessmentDue(), r.schedule().reviewDate()));
		}
		return rows;
	}

	private static String score(RiskView.Score s) {
		return s == null ? null : "L" + s.likelihood() + " × I" + s.impact();
	}

	private static String e(String text) {
		return PdfDocuments.escape(text);
	}
}
