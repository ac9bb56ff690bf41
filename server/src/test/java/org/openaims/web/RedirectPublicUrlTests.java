package org.openaims.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Redirects built from {@code AIMS_PUBLIC_URL} when it is configured (see RedirectHostTests). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "aims.public-url=https://aims.example.org")
class RedirectPublicUrlTests {

	@LocalServerPort
	int port;

	@Test
	void redirectsAreBuiltFromThePublicAddressNotTheHostHeader() throws IOException {
		String answer = RedirectHostTests.send(port, "GET /ai-systems HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
		assertThat(RedirectHostTests.header(answer, "Location")).isEqualTo("https://aims.example.org/login");
	}
}
