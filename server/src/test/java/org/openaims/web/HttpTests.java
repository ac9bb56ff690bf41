package org.openaims.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.openaims.TestUsers;
import org.openaims.identity.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests over a real socket to the embedded server, for what only a servlet container does:
 * error dispatch, request size limits, and the shape of answers seen by a real client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void unknownApiPathsAndWrongMethodsAnswerWithProblemDetails() throws Exception {
		String bearer = users.create(Role.VIEWER).bearer();
		HttpResponse<String> missing = send(HttpRequest.newBuilder(uri("/api/v1/no-such-thing")).header("Authorization", bearer).GET());
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(missing.body()).contains("no endpoint at /api/v1/no-such-thing");

		HttpResponse<String> wrongMethod = send(HttpRequest.newBuilder(uri("/api/v1/ai-systems")).header("Authorization", bearer)
			.method("PATCH", HttpRequest.BodyPublishers.ofString("{}")));
		assertThat(wrongMethod.statusCode()).isEqualTo(405);
		assertThat(wrongMethod.headers().firstValue("Content-Type")).hasValue("application/problem+json");

		HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/login/nowhere")).GET());
		assertThat(page.statusCode()).isIn(302, 404);
	}

	@Test
	void healthIsOpenAndSaysOnlyUp() throws Exception {
		HttpResponse<String> health = send(HttpRequest.newBuilder(uri("/actuator/health")).GET());
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("db").doesNotContain("diskSpace");
	}

	@Test
	void anOversizedChunkedBodyIsRefusedWithoutA500() throws Exception {
		String bearer = users.create(Role.AIMS_MANAGER).bearer();
		byte[] chunk = new byte[1024 * 1024];
		java.util.Arrays.fill(chunk, (byte) ' ');
		java.util.List<byte[]> chunks = java.util.Collections.nCopies(14, chunk);
		HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/api/v1/ai-systems")).header("Authorization", bearer)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArrays(chunks))));
		assertThat(answer.statusCode()).isIn(400, 413);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}
}
