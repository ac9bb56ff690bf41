package org.openaims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.openaims.TestUsers.TestUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Calls the REST API as a test user and checks answers, problem details included. */
@Component
public class Api {

	private final ObjectProvider<MockMvcTester> mvcProvider;

	private final JsonMapper json;

	// MockMvc exists only in contexts with @AutoConfigureMockMvc; this helper is scanned into all.
	Api(ObjectProvider<MockMvcTester> mvcProvider, JsonMapper json) {
		this.mvcProvider = mvcProvider;
		this.json = json;
	}

	private MockMvcTester mvc() {
		return mvcProvider.getObject();
	}

	public MvcTestResult get(TestUser user, String uri) {
		return mvc().get().uri(uri).header("Authorization", user.bearer()).exchange();
	}

	public MvcTestResult post(TestUser user, String uri, Object body) {
		return raw(user, uri, json.writeValueAsString(body));
	}

	public MvcTestResult put(TestUser user, String uri, Object body) {
		return mvc().put().uri(uri).header("Authorization", user.bearer()).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)).exchange();
	}

	public MvcTestResult patch(TestUser user, String uri, Object body) {
		return mvc().patch().uri(uri).header("Authorization", user.bearer()).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)).exchange();
	}

	public MvcTestResult delete(TestUser user, String uri) {
		return mvc().delete().uri(uri).header("Authorization", user.bearer()).exchange();
	}

	public MvcTestResult raw(TestUser user, String uri, String body) {
		return mvc().post().uri(uri).header("Authorization", user.bearer()).contentType(MediaType.APPLICATION_JSON)
			.content(body).exchange();
	}

	public MvcTestResult postCsv(TestUser user, String uri, String csv) {
		return mvc().post().uri(uri).header("Authorization", user.bearer()).contentType("text/csv")
			.content(csv.getBytes(StandardCharsets.UTF_8)).exchange();
	}

	/** Posts raw bytes with a content type. */
	public MvcTestResult postBytes(TestUser user, String uri, String contentType, byte[] content) {
		return mvc().post().uri(uri).header("Authorization", user.bearer()).contentType(contentType).content(content).exchange();
	}

	/** Uploads one file as the multipart part {@code part}. */
	public MvcTestResult upload(TestUser user, String uri, String part, String filename, String contentType, byte[] content) {
		return mvc().post().uri(uri).header("Authorization", user.bearer())
			.multipart()
			.file(new org.springframework.mock.web.MockMultipartFile(part, filename, contentType, content))
			.exchange();
	}

	/** Uploads one file as the multipart part {@code part} with form fields (name, value, name, value …). */
	public MvcTestResult upload(TestUser user, String uri, String part, String filename, String contentType, byte[] content,
			String... fields) {
		var request = mvc().post().uri(uri).header("Authorization", user.bearer())
			.multipart()
			.file(new org.springframework.mock.web.MockMultipartFile(part, filename, contentType, content));
		for (int i = 0; i + 1 < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		return request.exchange();
	}

	/** The CSV text of a successful export. */
	public String csv(MvcTestResult result) {
		assertThat(result).hasStatusOk();
		assertThat(result.getResponse().getContentType()).startsWith("text/csv");
		return text(result);
	}

	/** Asserts the status and returns the JSON body. */
	public JsonNode body(MvcTestResult result, HttpStatus status) {
		if (result.getResponse().getStatus() != status.value()) {
			throw new AssertionError("expected HTTP " + status.value() + " but was " + result.getResponse().getStatus() + ": " + text(result));
		}
		return json.readTree(text(result));
	}

	/** The {@code name} of every item of a list answer. */
	public List<String> names(MvcTestResult result) {
		List<String> names = new ArrayList<>();
		body(result, HttpStatus.OK).get("items").forEach(item -> names.add(item.get("name").asString()));
		return names;
	}

	/**
	 * Asserts an RFC 9457 problem: its status, that {@code field} (if given) is named in
	 * {@code errors}, and that {@code text} (if given) appears in it.
	 */
	public JsonNode problem(MvcTestResult result, HttpStatus status, String field, String text) {
		assertThat(result).hasStatus(status);
		assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
		JsonNode problem = json.readTree(text(result));
		assertThat(problem.get("status").asInt()).isEqualTo(status.value());
		assertThat(problem.get("type").asString()).startsWith("urn:openaims:problem:");
		if (field != null) {
			List<String> fields = new ArrayList<>();
			problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
			assertThat(fields).contains(field);
		}
		if (text != null) {
			assertThat(problem.toString()).containsIgnoringCase(text);
		}
		return problem;
	}

	public String write(Object value) {
		return json.writeValueAsString(value);
	}

	private static String text(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}
}
