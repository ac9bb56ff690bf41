package org.openaims.common;

/**
 * A well-formed request the server will not carry out as asked, with the way that works instead
 * (e.g. a PDF of more rows than a PDF is made for: export CSV or XLSX); answered with 422.
 */
public class UnprocessableException extends RuntimeException {

	public UnprocessableException(String message) {
		super(message);
	}
}
