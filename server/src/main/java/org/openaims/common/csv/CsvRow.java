package org.openaims.common.csv;

import java.util.Map;

/**
 * One data row of an imported CSV file, by column name; {@link #row()} is its spreadsheet row number.
 * Cells of columns absent from the file read as null, empty cells as null.
 */
public record CsvRow(int row, Map<String, String> cells) {

	public String get(String column) {
		String value = cells.get(column);
		return value == null || value.isEmpty() ? null : value;
	}

	public boolean has(String column) {
		return cells.containsKey(column);
	}
}
