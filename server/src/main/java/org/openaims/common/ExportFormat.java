package org.openaims.common;

import java.util.Locale;

/** The formats registers and statements are exported in for auditors: CSV, an Excel workbook or a PDF. */
public enum ExportFormat {

	CSV("text/csv;charset=UTF-8"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), PDF("application/pdf");

	private final String contentType;

	ExportFormat(String contentType) {
		this.contentType = contentType;
	}

	/** {@code csv}, {@code xlsx} or {@code pdf} in any case; anything else is a 400 on the {@code format} parameter. */
	public static ExportFormat parse(String format) {
		try {
			return valueOf(format.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException | NullPointerException e) {
			throw new InvalidInputException("format", "must be csv, xlsx or pdf");
		}
	}

	public String contentType() {
		return contentType;
	}

	public String extension() {
		return name().toLowerCase(Locale.ROOT);
	}
}
