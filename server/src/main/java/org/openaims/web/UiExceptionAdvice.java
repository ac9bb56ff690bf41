package org.openaims.web;

import org.openaims.common.AccessRefusal;
import org.openaims.common.ConflictException;
import org.openaims.common.InvalidInputException;
import org.openaims.common.NotFoundException;
import org.openaims.common.csv.CsvImportException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Renders domain errors a page controller lets through as an error page with the reason; REST
 * controllers have their own advice, which takes precedence.
 */
@ControllerAdvice(annotations = Controller.class)
class UiExceptionAdvice {

	private final ApplicationEventPublisher events;

	UiExceptionAdvice(ApplicationEventPublisher events) {
		this.events = events;
	}

	@ExceptionHandler(NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(NotFoundException e, Model model) {
		return page(model, 404, "Not found", e.getMessage());
	}

	@ExceptionHandler({ ConflictException.class, OptimisticLockingFailureException.class })
	@ResponseStatus(HttpStatus.CONFLICT)
	String conflict(RuntimeException e, Model model) {
		return page(model, 409, "Conflict", e instanceof ConflictException ? e.getMessage()
				: "The record was changed by someone else meanwhile. Reload it and apply your change again.");
	}

	@ExceptionHandler({ InvalidInputException.class, CsvImportException.class })
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String invalid(RuntimeException e, Model model) {
		return page(model, 400, "Bad request", e.getMessage());
	}

	@ExceptionHandler(org.openaims.common.UnprocessableException.class)
	@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
	String unprocessable(RuntimeException e, Model model) {
		return page(model, 422, "Cannot be done this way", e.getMessage());
	}

	@ExceptionHandler(org.openaims.common.TooBusyException.class)
	@ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
	String busy(org.openaims.common.TooBusyException e, Model model, jakarta.servlet.http.HttpServletResponse response) {
		response.setHeader("Retry-After", String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
		return page(model, 429, "Busy", e.getMessage());
	}

	@ExceptionHandler(AccessDeniedException.class)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String forbidden(AccessDeniedException e, Model model, jakarta.servlet.http.HttpServletRequest request) {
		String reason = "Access Denied".equals(e.getMessage()) ? "Your roles do not allow this action." : e.getMessage();
		events.publishEvent(new AccessRefusal(request.getMethod(), request.getRequestURI(), reason));
		return page(model, 403, "Forbidden", reason);
	}

	private static String page(Model model, int status, String reason, String message) {
		model.addAttribute("status", status);
		model.addAttribute("reason", reason);
		model.addAttribute("message", message);
		return "error";
	}
}
