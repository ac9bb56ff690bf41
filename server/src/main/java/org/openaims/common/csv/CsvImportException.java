package org.openaims.common.csv;

import java.util.List;

/** An import refused as a whole, with every problem found; nothing was written. */
public class CsvImportException extends RuntimeException {

	private final List<CsvProblem> problems;

	public CsvImportException(List<CsvProblem> problems) {
		super(problems.size() + " problem(s) in the CSV file; nothing was imported");
		this.problems = List.copyOf(problems);
	}

	public CsvImportException(String message) {
		this(List.of(new CsvProblem(1, null, message)));
	}

	public List<CsvProblem> problems() {
		return problems;
	}
}
