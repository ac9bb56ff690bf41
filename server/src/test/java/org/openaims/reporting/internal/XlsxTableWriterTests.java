package org.openaims.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxTableWriterTests {

	@Test
	void aFullSheetContinuesOnANewSheetWithTheTitleAndHeaderAgain() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XlsxTableWriter writer = new XlsxTableWriter("Risk register", "AI risk register", List.of("ref", "title"), 3)) {
			for (int i = 1; i <= 7; i++) {
				writer.row(List.of("RISK-" + i, "risk " + i));
			}
			writer.writeTo(out);
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
			assertThat(workbook.getSheetName(1)).isEqualTo("Risk register (2)");
			for (int s = 0; s < 3; s++) {
				assertThat(workbook.getSheetAt(s).getRow(0).getCell(0).getStringCellValue()).isEqualTo("AI risk register");
				assertThat(workbook.getSheetAt(s).getRow(2).getCell(1).getStringCellValue()).isEqualTo("title");
			}
			assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(5);
			assertThat(workbook.getSheetAt(1).getRow(3).getCell(0).getStringCellValue()).isEqualTo("RISK-4");
			assertThat(workbook.getSheetAt(2).getRow(3).getCell(0).getStringCellValue()).isEqualTo("RISK-7");
			assertThat(workbook.getSheetAt(2).getLastRowNum()).isEqualTo(3);
		}
	}

	@Test
	void aCellLongerThanExcelAllowsIsCutAndMarkedInsteadOfFailingTheExport() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XlsxTableWriter writer = new XlsxTableWriter("Statement", "SoA", List.of("selected_by"))) {
			writer.row(List.of("x".repeat(40_000)));
			writer.writeTo(out);
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			String cell = workbook.getSheetAt(0).getRow(3).getCell(0).getStringCellValue();
			assertThat(cell).hasSizeLessThanOrEqualTo(32_767).endsWith("(cut for Excel)");
		}
	}
}
