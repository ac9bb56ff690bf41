package org.openaims.identity.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.openaims.identity.ApiTokenService;
import org.openaims.identity.SecurityLog;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API requests that carry {@code Authorization: Bearer <token>}. A bad token is
 * answered with 401 at once; a request without the header continues unauthenticated.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final ApiTokenService tokens;

	private final AuthenticationEntryPoint entryPoint;

	private final SecurityLog log;

	ApiTokenAuthenticationFilter(ApiTokenService tokens, AuthenticationEntryPoint entryPoint, SecurityLog log) {
		this.tokens = tokens;
		this.entryPoint = entryPoint;
		this.log = log;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			chain.doFilter(request, response);
			return;
		}
		Optional<AimsPrincipal> principal = tokens.authenticate(header.substring(BEARER.length()).strip());
		if (principal.isEmpty()) {
			SecurityContextHolder.clearContext();
			log.record(SecurityLog.BAD_TOKEN, null, request.getRemoteAddr(), "unknown, expired or revoked API token");
			entryPoint.commence(request, response,
					new BadCredentialsException("the API token is unknown, expired or revoked"));
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal.get(), null,
				principal.get().getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
