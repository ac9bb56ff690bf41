package org.openaims.reporting;

import java.util.List;
import java.util.function.Consumer;

/**
 * An export as reporting runs it: a file name stem, a title (the first line of a workbook or PDF),
 * the header, how many rows it will hold (for the size limits and a job's progress) and the work that
 * writes them.
 */
public record Table(String stem, String title, List<String> header, long rows, Consumer<TableWriter> rowsWriter) {
}
