package org.openaims.identity.internal;

import jakarta.servlet.DispatcherType;

import org.openaims.common.AccessRefusal;
import org.openaims.identity.ApiTokenService;
import org.openaims.identity.SecurityLog;
import org.openaims.identity.SignInThrottled;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;

/**
 * Two filter chains: the API ({@code /api/**}) is stateless and takes bearer tokens (HTTP Basic only
 * when enabled); the browser UI uses a session with form login and CSRF protection. Only the login
 * page, health and static assets are open. Roles are checked again in every service.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
			+ "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
			+ "base-uri 'self'; form-action 'self'";

	/** No page needs a camera, microphone, location, payment or USB device, nor to join ad topics. */
	private static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
			+ "magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder passwords,
			SignInThrottle throttle, SecurityLog log) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(passwords);
		// Throttled, and every outcome written to the security log (not the ledger).
		return new ProviderManager(new ThrottledSignIn(provider, throttle, log));
	}

	/**
	 * Anonymous concerns ({@code /report-concern}, {@code /api/v1/public/**}): open to everyone and
	 * deliberately blind — no session is created or read, no security context is loaded even when
	 * the browser sends a session cookie, so nothing links a report to an account (A.3.3).
	 */
	@Bean
	@Order(-1)
	SecurityFilterChain publicSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/report-concern", "/report-concern/**", "/api/v1/public/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.securityContext(context -> context.securityContextRepository(new NullSecurityContextRepository()))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// No session, hence no CSRF token to check; the forms change nothing an attacker could abuse.
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.formLogin(form -> form.disable())
			.logout(logout -> logout.disable())
			.httpBasic(basic -> basic.disable())
			.anonymous(anonymous -> anonymous.principal("anonymous"))
			.headers(headers -> commonHeaders(headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))));
		return http.build();
	}

	/**
	 * The API description ({@code /v3/api-docs}): for bearer tokens of any role (pipelines generate
	 * clients from it) and for the signed-in browser session of Swagger UI.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain apiDocsSecurity(HttpSecurity http, ApiTokenService tokens, ProblemResponses problems,
			SecurityLog log) throws Exception {
		http.securityMatcher("/v3/api-docs", "/v3/api-docs/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.formLogin(form -> form.disable())
			.logout(logout -> logout.disable())
			.httpBasic(basic -> basic.disable())
			.addFilterBefore(new ApiTokenAuthenticationFilter(tokens, problems, log), BasicAuthenticationFilter.class)
			.exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.headers(SecurityConfiguration::commonHeaders);
		return http.build();
	}

	/**
	 * Headers every answer carries besides Spring Security's defaults (nosniff, frame denial, no
	 * caching, HSTS on secure requests — which includes requests a TLS proxy forwarded).
	 */
	static void commonHeaders(HeadersConfigurer<HttpSecurity> headers) {
		headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
			.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY))
			.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokenService tokens, ProblemResponses problems,
			IdentityProperties properties, SecurityLog log) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests
				// The dispatch that completes a streamed response was authorized as the original request.
				.dispatcherTypeMatchers(DispatcherType.ASYNC)
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/auth/token")
				.permitAll()
				.anyRequest()
				.authenticated())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.formLogin(form -> form.disable())
			.logout(logout -> logout.disable())
			.addFilterBefore(new ApiTokenAuthenticationFilter(tokens, problems, log), BasicAuthenticationFilter.class)
			.exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.headers(SecurityConfiguration::commonHeaders);
		if (properties.httpBasic()) {
			http.httpBasic(basic -> basic.authenticationEntryPoint(problems));
		}
		else {
			http.httpBasic(basic -> basic.disable());
		}
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain uiSecurity(HttpSecurity http, ApplicationEventPublisher events, JdbcClient jdbc,
			AuthenticationManager signIn) throws Exception {
		// The sign-in form goes through the same throttled manager as the token API.
		http.authenticationManager(signIn)
			.addFilterBefore(new CurrentRightsFilter(jdbc), AuthorizationFilter.class)
			.authorizeHttpRequests(requests -> requests
			.dispatcherTypeMatchers(DispatcherType.ASYNC)
			.permitAll()
			.requestMatchers("/login", "/actuator/health", "/actuator/health/**", "/webjars/**", "/css/**", "/js/**",
					"/img/**", "/favicon.ico", "/error")
			.permitAll()
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login")
				.defaultSuccessUrl("/", false)
				.failureHandler((request, response, failure) -> response.sendRedirect(request.getContextPath()
						+ (failure instanceof SignInThrottled throttled ? "/login?locked=" + (throttled.retryAt().getEpochSecond() + 1)
								: "/login?error")))
				.permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
			.exceptionHandling(errors -> errors.accessDeniedHandler((request, response, denied) -> {
				events.publishEvent(new AccessRefusal(request.getMethod(), request.getRequestURI(), "your roles do not allow this page"));
				new AccessDeniedHandlerImpl().handle(request, response, denied);
			}))
			.headers(headers -> commonHeaders(headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))));
		return http.build();
	}
}
