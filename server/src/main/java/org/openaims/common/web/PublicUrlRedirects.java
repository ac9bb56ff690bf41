package org.openaims.common.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.openaims.common.AimsProperties;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Redirects never take their host from the request: a relative redirect stays relative (Tomcat is set
 * to send it as it is, {@code server.tomcat.use-relative-redirects}), or is made absolute with the
 * configured public address ({@code AIMS_PUBLIC_URL}). A forged {@code Host: evil.example} therefore
 * never reaches a {@code Location} header.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class PublicUrlRedirects extends OncePerRequestFilter {

	private final String base;

	PublicUrlRedirects(AimsProperties properties) {
		URI url = properties.publicUrl();
		String text = url == null ? null : url.toString();
		this.base = text == null ? null : text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, base == null ? response : new HttpServletResponseWrapper(response) {
			@Override
			public void sendRedirect(String location) throws IOException {
				super.sendRedirect(absolute(location));
			}

			@Override
			public void setHeader(String name, String value) {
				super.setHeader(name, "Location".equalsIgnoreCase(name) ? absolute(value) : value);
			}
		});
	}

	private String absolute(String location) {
		return location != null && location.startsWith("/") && !location.startsWith("//") ? base + location : location;
	}
}
