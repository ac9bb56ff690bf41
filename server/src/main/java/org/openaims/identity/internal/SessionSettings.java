package org.openaims.identity.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The browser session cookie, the same however the application is deployed: {@code HttpOnly},
 * {@code SameSite=Lax}, and {@code Secure} whenever the request is (directly over TLS or forwarded
 * as such by a proxy). Sessions themselves are kept in the database by Spring Session JDBC.
 */
@Configuration(proxyBeanMethods = false)
class SessionSettings {

	static final String COOKIE = "SESSION";

	@Bean
	CookieSerializer sessionCookie() {
		DefaultCookieSerializer cookie = new DefaultCookieSerializer();
		cookie.setCookieName(COOKIE);
		cookie.setUseHttpOnlyCookie(true);
		cookie.setSameSite("Lax");
		cookie.setCookiePath("/");
		return cookie;
	}
}
