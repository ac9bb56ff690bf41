package org.openaims.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The probe's finding on redirects: {@code Host: evil.example} gave {@code Location:
 * http://evil.example/login}. Redirects are now relative, or built from the configured public
 * address; a TLS proxy's {@code X-Forwarded-Proto} (from an internal address) makes answers carry
 * HSTS and a {@code Secure} session cookie. Tested against the real server, where Tomcat builds the
 * header.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RedirectHostTests {

	@LocalServerPort
	int port;

	@Test
	void aForgedHostHeaderNeverReachesTheLocationHeader() throws IOException {
		String answer = send(port, "GET /ai-systems HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
		assertThat(answer).startsWith("HTTP/1.1 302");
		assertThat(header(answer, "Location")).isEqualTo("/login");
		assertThat(answer).doesNotContain("evil.example");
	}

	@Test
	void aTlsProxysForwardedProtoMakesTheAnswerStrictAndTheSessionCookieSecure() throws IOException {
		String plain = send(port, "GET /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(header(plain, "Strict-Transport-Security")).isNull();
		String proxied = send(port, "GET /login HTTP/1.1\r\nHost: aims.example.org\r\nX-Forwarded-Proto: https\r\n"
				+ "X-Forwarded-For: 203.0.113.9\r\nConnection: close\r\n\r\n");
		assertThat(header(proxied, "Strict-Transport-Security")).contains("max-age=31536000");
		assertThat(header(proxied, "Set-Cookie")).contains("SESSION=").contains("Secure").contains("HttpOnly")
			.contains("SameSite=Lax");
	}

	static String send(int port, String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

	static String header(String answer, String name) {
		for (String line : answer.split("\r\n")) {
			if (line.isEmpty()) {
				break;
			}
			if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
				return line.substring(name.length() + 1).strip();
			}
		}
		return null;
	}
}
