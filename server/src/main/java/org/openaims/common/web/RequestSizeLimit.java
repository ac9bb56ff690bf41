package org.openaims.common.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API request bodies larger than 12 MB (the largest import is 10 MB) before anything reads
 * them, so an oversized or endless JSON or CSV body cannot exhaust memory. Test runs, whose reports
 * may have 20 MB each, may send 64 MB, and batches of operational events 16 MB; each file's own limit
 * is checked by the module.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

	static final long MAX_BYTES = 12L * 1024 * 1024;

	static final long MAX_TEST_RUN_BYTES = 64L * 1024 * 1024;

	static final long MAX_EVENT_BATCH_BYTES = 16L * 1024 * 1024;

	private final JsonMapper json;

	RequestSizeLimit(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String uri = request.getRequestURI().substring(request.getContextPath().length());
		long max = uri.startsWith("/api/v1/test-runs") ? MAX_TEST_RUN_BYTES : uri.equals("/api/v1/events") ? MAX_EVENT_BATCH_BYTES : MAX_BYTES;
		if (request.getContentLengthLong() > max) {
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			json.writeValue(response.getOutputStream(),
					Map.of("type", "urn:openaims:problem:too-large", "title", "Request too large", "status", 413,
							"detail", "request bodies may have at most " + max / (1024 * 1024) + " MB"));
			return;
		}
		// Chunked bodies announce no length: count while reading instead.
		chain.doFilter(request.getContentLengthLong() < 0 ? new Bounded(request, max) : request, response);
	}

	/** A request whose body fails to read past its limit. */
	private static final class Bounded extends jakarta.servlet.http.HttpServletRequestWrapper {

		private final long max;

		Bounded(HttpServletRequest request, long max) {
			super(request);
			this.max = max;
		}

		@Override
		public jakarta.servlet.ServletInputStream getInputStream() throws IOException {
			jakarta.servlet.ServletInputStream in = super.getInputStream();
			return new jakarta.servlet.ServletInputStream() {

				private long count;

				@Override
				public int read() throws IOException {
					int b = in.read();
					if (b >= 0) {
						count(1);
					}
					return b;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int n = in.read(buffer, offset, length);
					if (n > 0) {
						count(n);
					}
					return n;
				}

				private void count(int n) throws IOException {
					count += n;
					if (count > max) {
						throw new IOException("the request body is larger than " + max / (1024 * 1024) + " MB");
					}
				}

				@Override
				public boolean isFinished() {
					return in.isFinished();
				}

				@Override
				public boolean isReady() {
					return in.isReady();
				}

				@Override
				public void setReadListener(jakarta.servlet.ReadListener listener) {
					in.setReadListener(listener);
				}
			};
		}
	}
}
