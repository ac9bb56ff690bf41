package org.openaims.common.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolationException;

import org.openaims.common.AccessRefusal;
import org.openaims.common.ConflictException;
import org.openaims.common.FieldProblem;
import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
import org.openaims.common.csv.CsvImportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.beans.TypeMismatchException;

/**
 * Turns every exception a REST controller lets through into an RFC 9457 problem detail: input
 * problems name the field (or the CSV row and column), nothing reaches the client as a bare 500.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

	private final ApplicationEventPublisher events;

	ApiProblemAdvice(ApplicationEventPublisher events) {
		this.events = events;
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e) {
		return respond(Problems.invalidInput(e.problems()));
	}

	@ExceptionHandler(CsvImportException.class)
	ResponseEntity<ProblemDetail> csv(CsvImportException e) {
		String first = e.problems().isEmpty() ? "" : " First: row " + e.problems().get(0).row()
				+ (e.problems().get(0).column() == null ? "" : ", column " + e.problems().get(0).column()) + ": "
				+ e.problems().get(0).message();
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-csv", "Invalid CSV file",
				e.getMessage() + " (rows are numbered as in a spreadsheet, the header being row 1)." + first);
		problem.setProperty("errors", e.problems());
		return respond(problem);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
		List<FieldProblem> errors = e.getConstraintViolations()
			.stream()
			.map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
			.sorted((a, b) -> a.field().compareTo(b.field()))
			.toList();
		return respond(Problems.invalidInput(errors));
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
		return respond(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<ProblemDetail> conflict(ConflictException e) {
		return respond(Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage()));
	}

	@ExceptionHandler(org.openaims.common.UnprocessableException.class)
	ResponseEntity<ProblemDetail> unprocessable(org.openaims.common.UnprocessableException e) {
		return respond(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "unprocessable", "Not done this way", e.getMessage()));
	}

	@ExceptionHandler(org.openaims.common.TooBusyException.class)
	ResponseEntity<ProblemDetail> tooBusy(org.openaims.common.TooBusyException e) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
			.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-busy", "Too busy", e.getMessage()));
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> staleVersion(OptimisticLockingFailureException e) {
		return respond(Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict",
				"the record was changed by someone else meanwhile; reload it and apply your change again"));
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e) {
		return respond(Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict",
				"a record with the same unique value exists already"));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e, jakarta.servlet.http.HttpServletRequest request) {
		// Spring's own message ("Access Denied") says nothing; ours name the rule.
		String detail = "Access Denied".equals(e.getMessage()) ? "your roles do not allow this action"
				: e.getMessage();
		events.publishEvent(new AccessRefusal(request.getMethod(), request.getRequestURI(), detail));
		return respond(Problems.forbidden(detail));
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<ProblemDetail> unauthorized(AuthenticationException e) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.body(Problems.unauthorized(e.getMessage()));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception e) {
		String incident = UUID.randomUUID().toString();
		log.error("Unexpected error, incident {}", incident, e);
		ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
				"an unexpected error occurred; quote incident " + incident + " to your administrator");
		problem.setProperty("incident", incident);
		return respond(problem);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return asObject(Problems.invalidInput(fieldProblems(ex.getBindingResult())));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach(result -> {
			String name = result.getMethodParameter().getParameterName();
			result.getResolvableErrors()
				.forEach(error -> errors.add(new FieldProblem(name, String.valueOf(error.getDefaultMessage()))));
		});
		return asObject(Problems.invalidInput(errors));
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
		if (ex.getMostSpecificCause() instanceof org.openaims.common.InputRules.Violation rule) {
			return asObject(Problems.invalidInput(List.of(new FieldProblem(String.valueOf(name), rule.getMessage()))));
		}
		Class<?> type = ex.getRequiredType();
		String expected = type == null ? "a valid value" : describe(type);
		return asObject(Problems.invalidInput(
				List.of(new FieldProblem(String.valueOf(name), "'" + ex.getValue() + "' is not " + expected))));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getCause();
		if (cause instanceof InputBinding.RuleViolation rule) {
			String field = path(rule);
			return asObject(Problems.invalidInput(List.of(new FieldProblem(field.isEmpty() ? "body" : field, rule.rule()))));
		}
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return asObject(Problems.invalidInput(
					List.of(new FieldProblem(path(unknown), "unknown field; allowed: " + unknown.getKnownPropertyIds()))));
		}
		if (cause instanceof InvalidFormatException invalid) {
			return asObject(Problems.invalidInput(List.of(new FieldProblem(path(invalid),
					"'" + invalid.getValue() + "' is not " + describe(invalid.getTargetType())))));
		}
		if (cause instanceof MismatchedInputException mismatched) {
			String field = path(mismatched);
			Class<?> target = mismatched.getTargetType();
			String message = target == null ? "has the wrong type" : "must be " + describe(target);
			return asObject(Problems.invalidInput(List.of(new FieldProblem(field.isEmpty() ? "body" : field, message))));
		}
		if (cause instanceof StreamReadException malformed) {
			String where = malformed.getLocation() == null ? ""
					: " at line " + malformed.getLocation().getLineNr() + ", column "
							+ malformed.getLocation().getColumnNr();
			String field = path(malformed);
			return asObject(Problems.invalidInput(List.of(new FieldProblem(field.isEmpty() ? "body" : field,
					"malformed JSON" + where + ": " + malformed.getOriginalMessage()))));
		}
		if (cause instanceof JacksonException other) {
			String field = path(other);
			return asObject(Problems.invalidInput(
					List.of(new FieldProblem(field.isEmpty() ? "body" : field, other.getOriginalMessage()))));
		}
		return asObject(Problems.invalidInput(List.of(new FieldProblem("body", "the request body is missing or unreadable"))));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem
				&& (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
			problem.setType(java.net.URI.create("urn:openaims:problem:http-" + statusCode.value()));
		}
		return response;
	}

	static List<FieldProblem> fieldProblems(BindingResult result) {
		List<FieldProblem> errors = new ArrayList<>();
		result.getFieldErrors().forEach(e -> errors.add(new FieldProblem(e.getField(), message(e.getDefaultMessage(), e.getRejectedValue()))));
		result.getGlobalErrors().forEach(e -> errors.add(new FieldProblem(e.getObjectName(), String.valueOf(e.getDefaultMessage()))));
		errors.sort(java.util.Comparator.comparing(FieldProblem::field));
		return errors;
	}

	private static String message(String message, Object rejected) {
		if (message == null) {
			return "is invalid";
		}
		// Spring's conversion failures name Java types; say what was sent instead.
		return message.startsWith("Failed to convert") ? "'" + rejected + "' is not a valid value" : message;
	}

	private static String path(JacksonException e) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference ref : e.getPath()) {
			if (ref.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String describe(Class<?> type) {
		if (type.isEnum()) {
			return "one of " + Arrays.toString(type.getEnumConstants());
		}
		if (type == UUID.class) {
			return "a UUID";
		}
		if (type == java.time.LocalDate.class) {
			return "a date (YYYY-MM-DD)";
		}
		if (type == java.time.Instant.class) {
			return "a UTC timestamp (e.g. 2026-01-31T12:00:00Z)";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return "a number";
		}
		if (java.util.Collection.class.isAssignableFrom(type)) {
			return "a list";
		}
		if (type == String.class) {
			return "a string";
		}
		return "an object";
	}

	private static String lastNode(String propertyPath) {
		int dot = propertyPath.lastIndexOf('.');
		return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	private static ResponseEntity<Object> asObject(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}
}
