package org.openaims.common.web;

import java.net.URI;
import java.util.List;

import org.openaims.common.FieldProblem;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the problem details OpenAIMS answers with; {@code type} names the kind of problem. */
public final class Problems {

	private static final String TYPE_BASE = "urn:openaims:problem:";

	private Problems() {
	}

	public static ProblemDetail of(HttpStatusCode status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + type));
		problem.setTitle(title);
		return problem;
	}

	/** 400 with one entry per field in {@code errors}. */
	public static ProblemDetail invalidInput(List<FieldProblem> errors) {
		String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
				: errors.size() + " fields are invalid: "
						+ String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
		ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail);
		problem.setProperty("errors", errors);
		return problem;
	}

	public static ProblemDetail unauthorized(String detail) {
		return of(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required", detail);
	}

	public static ProblemDetail forbidden(String detail) {
		return of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", detail);
	}
}
