package org.openaims.common.csv;

/**
 * One problem in an imported CSV file. {@code row} counts as a spreadsheet does (the header is row
 * 1, the first data row is row 2); {@code column} is the header name, or null when the whole row or
 * file is at fault.
 */
public record CsvProblem(int row, String column, String message) {
}
