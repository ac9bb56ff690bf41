package org.openaims.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.openaims.common.web.Problems;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The error endpoint: errors under {@code /api/} (unknown paths, wrong methods, anything not
 * answered by a controller) become problem details; all others a page.
 */
@Controller
class ErrorPages implements ErrorController {

	private static final Map<Integer, String> MESSAGES = Map.of(400, "The request could not be understood.", 403,
			"You are signed in, but your roles do not allow this.", 404, "There is nothing at this address.", 405,
			"This address does not accept that kind of request.", 409,
			"The request conflicts with the current state of the record.", 500,
			"Something went wrong on our side. The error has been logged.");

	@RequestMapping("/error")
	Object error(HttpServletRequest request, Model model) {
		HttpStatus status = status(request);
		String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String message = MESSAGES.getOrDefault(status.value(), status.getReasonPhrase());
		if (uri != null && uri.startsWith(request.getContextPath() + "/api/")) {
			ProblemDetail problem = Problems.of(status, "http-" + status.value(), status.getReasonPhrase(),
					status == HttpStatus.NOT_FOUND ? "no endpoint at " + uri : message);
			problem.setInstance(java.net.URI.create(uri));
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		model.addAttribute("status", status.value());
		model.addAttribute("reason", status.getReasonPhrase());
		model.addAttribute("message", message);
		return "error";
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
		return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
	}
}
