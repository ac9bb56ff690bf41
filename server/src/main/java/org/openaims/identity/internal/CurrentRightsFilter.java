package org.openaims.identity.internal;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.openaims.identity.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a browser session user's roles as they stand at each request (one query), instead of
 * trusting those the session was opened with: a disabled or deleted user's session is ended at once,
 * and a changed set of roles applies to the very next request, on every node.
 */
class CurrentRightsFilter extends OncePerRequestFilter {

	private final JdbcClient jdbc;

	CurrentRightsFilter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof AimsPrincipal principal && principal.tokenId() == null) {
			List<Object[]> rows = jdbc.sql("SELECT u.enabled, r.role FROM users u LEFT JOIN user_roles r ON r.user_id = u.id "
					+ "WHERE u.id = :id")
				.param("id", principal.userId())
				.query((rs, n) -> new Object[] { rs.getBoolean(1), rs.getString(2) })
				.list();
			boolean enabled = !rows.isEmpty() && (Boolean) rows.get(0)[0];
			if (!enabled) {
				SecurityContextHolder.clearContext();
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
			}
			else {
				Set<Role> roles = EnumSet.noneOf(Role.class);
				rows.stream().filter(r -> r[1] != null).forEach(r -> roles.add(Role.valueOf((String) r[1])));
				if (!roles.equals(principal.roles())) {
					AimsPrincipal current = new AimsPrincipal(principal.userId(), principal.getUsername(), null, true, roles, null);
					SecurityContext context = SecurityContextHolder.createEmptyContext();
					context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(current, null, current.getAuthorities()));
					SecurityContextHolder.setContext(context);
				}
			}
		}
		chain.doFilter(request, response);
	}
}
