package org.openaims.reporting;

import java.util.List;

/**
 * Where an export writes its rows, one at a time, as it reads them: a CSV stream, a streaming
 * Excel workbook or a capped PDF table. Values are written as text; null is an empty cell.
 */
public interface TableWriter {

	/** Writes one row, a value per header column. */
	void row(List<?> values);
}
