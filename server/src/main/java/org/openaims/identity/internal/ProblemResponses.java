package org.openaims.identity.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.openaims.common.AccessRefusal;
import org.openaims.common.web.Problems;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * Writes 401 and 403 answers of the API as problem details, before any controller is reached.
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	ProblemResponses(JsonMapper json, ApplicationEventPublisher events) {
		this.json = json;
		this.events = events;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException {
		String detail = request.getHeader(HttpHeaders.AUTHORIZATION) == null
				? "send an API token as 'Authorization: Bearer <token>' (POST /api/v1/auth/token issues one)"
				: e.getMessage();
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		write(response, Problems.unauthorized(detail), request);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
			throws IOException {
		events.publishEvent(new AccessRefusal(request.getMethod(), request.getRequestURI(), "your roles do not allow this action"));
		write(response, Problems.forbidden("your roles do not allow this action"), request);
	}

	private void write(HttpServletResponse response, ProblemDetail problem, HttpServletRequest request)
			throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		body.put("instance", request.getRequestURI());
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), body);
	}
}
