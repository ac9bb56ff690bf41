package org.openaims.common.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

import org.openaims.common.FieldProblem;
import org.openaims.common.InputRules;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose path, query or form parameters (names or values) or uploaded file names
 * hold a NUL character, with a 400 naming the parameter, before anything reads them: the one place
 * forms and queries are checked (JSON bodies are checked where they are read, by {@link InputBinding}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class HostileInputFilter extends OncePerRequestFilter {

	private final JsonMapper json;

	HostileInputFilter(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String field = offendingField(request);
		if (field != null) {
			ProblemDetail problem = Problems.invalidInput(List.of(new FieldProblem(field, InputRules.NUL_MESSAGE)));
			response.setStatus(400);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			json.writeValue(response.getOutputStream(), Map.of("type", problem.getType().toString(), "title",
					problem.getTitle(), "status", 400, "detail", problem.getDetail(), "errors", problem.getProperties().get("errors")));
			return;
		}
		chain.doFilter(request, response);
	}

	private static String offendingField(HttpServletRequest request) {
		try {
			if (InputRules.hasNul(URLDecoder.decode(request.getRequestURI().replace("+", "%2B"), StandardCharsets.UTF_8))) {
				return "path";
			}
		}
		catch (IllegalArgumentException badEscape) {
			// not a NUL; the path simply matches nothing
		}
		Map<String, String[]> parameters;
		try {
			parameters = request.getParameterMap();
		}
		catch (RuntimeException e) {
			// An unreadable body (too large, broken multipart) is refused later where it is read.
			return null;
		}
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			if (InputRules.hasNul(parameter.getKey())) {
				return "parameter name";
			}
			for (String value : parameter.getValue()) {
				if (InputRules.hasNul(value)) {
					return parameter.getKey();
				}
			}
		}
		String type = request.getContentType();
		if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
			try {
				for (Part part : request.getParts()) {
					if (InputRules.hasNul(part.getSubmittedFileName())) {
						return part.getName();
					}
				}
			}
			catch (IOException | ServletException | RuntimeException e) {
				return null;
			}
		}
		return null;
	}
}
