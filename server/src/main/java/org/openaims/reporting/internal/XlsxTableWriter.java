package org.openaims.reporting.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.openaims.reporting.TableWriter;

/**
 * An Excel workbook written with bounded memory: POI's streaming workbook keeps a window of rows and
 * flushes the rest to a temporary file, and the file is written out when the table is complete. Each
 * sheet starts with the title (row 1) and the header (row 3); a new sheet begins when one reaches
 * Excel's last row (1,048,576), so a sheet holds {@value #ROWS_PER_SHEET} data rows. A cell holds at
 * most Excel's 32,767 characters (longer text is cut and marked).
 */
public final class XlsxTableWriter implements TableWriter, AutoCloseable {

	/** Excel's 1,048,576 rows less the title, a blank row and the header. */
	public static final int ROWS_PER_SHEET = 1_048_573;

	private final int lastRow;

	static final int MAX_CELL = 32_767;

	private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);

	private final String name;

	private final String title;

	private final List<String> header;

	private final CellStyle heading;

	private Sheet sheet;

	private int rowInSheet;

	private int sheets;

	public XlsxTableWriter(String sheetName, String title, List<String> header) {
		this(sheetName, title, header, ROWS_PER_SHEET);
	}

	/** A workbook whose sheets hold {@code rowsPerSheet} data rows (fewer than Excel's limit: for tests). */
	XlsxTableWriter(String sheetName, String title, List<String> header, int rowsPerSheet) {
		String safe = sheetName.replaceAll("[\\\\/?*\\[\\]:]", " ");
		this.name = safe.length() > 25 ? safe.substring(0, 25) : safe;
		this.title = title;
		this.lastRow = 2 + Math.min(rowsPerSheet, ROWS_PER_SHEET);
		this.header = List.copyOf(header);
		workbook.setCompressTempFiles(true);
		Font bold = workbook.createFont();
		bold.setBold(true);
		heading = workbook.createCellStyle();
		heading.setFont(bold);
		newSheet();
	}

	@Override
	public void row(List<?> values) {
		if (rowInSheet > lastRow) {
			newSheet();
		}
		Row row = sheet.createRow(rowInSheet++);
		for (int c = 0; c < values.size(); c++) {
			Object value = values.get(c);
			row.createCell(c).setCellValue(cell(value == null ? "" : String.valueOf(value)));
		}
	}

	/** Writes the workbook out and removes its temporary files. */
	public void writeTo(OutputStream out) {
		try {
			workbook.write(out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void close() {
		try {
			workbook.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			workbook.dispose();
		}
	}

	static String cell(String text) {
		return text.length() <= MAX_CELL ? text : text.substring(0, MAX_CELL - 20) + " … (cut for Excel)";
	}

	private void newSheet() {
		sheets++;
		sheet = workbook.createSheet(sheets == 1 ? name : name + " (" + sheets + ")");
		Row first = sheet.createRow(0);
		first.createCell(0).setCellValue(cell(title));
		first.getCell(0).setCellStyle(heading);
		Row row = sheet.createRow(2);
		for (int c = 0; c < header.size(); c++) {
			row.createCell(c).setCellValue(header.get(c));
			row.getCell(c).setCellStyle(heading);
		}
		sheet.createFreezePane(0, 3);
		rowInSheet = 3;
	}
}
