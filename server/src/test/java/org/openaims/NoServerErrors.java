package org.openaims;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Fails any test during which the application answered a request with a 5xx status: bad input must
 * get a 4xx, never a 500. The filter is scanned into every test context (MockMvc and real server
 * alike); the extension is registered for all tests in {@code junit-platform.properties}.
 */
public final class NoServerErrors implements BeforeEachCallback, AfterEachCallback {

	static final List<String> ERRORS = new CopyOnWriteArrayList<>();

	@Override
	public void beforeEach(ExtensionContext context) {
		ERRORS.clear();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (!ERRORS.isEmpty()) {
			List<String> seen = List.copyOf(ERRORS);
			ERRORS.clear();
			throw new AssertionError("the application answered with a server error: " + seen);
		}
	}

	/** Records every request answered with 5xx. */
	@Component
	@Order(Ordered.HIGHEST_PRECEDENCE)
	static class Recorder extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			try {
				chain.doFilter(request, response);
			}
			catch (ServletException | IOException | RuntimeException e) {
				ERRORS.add(request.getMethod() + " " + request.getRequestURI() + " threw " + e);
				throw e;
			}
			if (response.getStatus() >= 500) {
				ERRORS.add(request.getMethod() + " " + request.getRequestURI() + " -> " + response.getStatus());
			}
		}
	}
}
