package org.openaims.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the OpenAIMS REST API; a refused request becomes an exception carrying the problem's detail. */
final class ApiClient {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final String server;

	private final String token;

	ApiClient(String server, String token) {
		this.server = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
		this.token = token;
	}

	/** The id of an AI system given by id or by its exact name (any case); an error when none or several match. */
	String systemId(String system) throws IOException, InterruptedException {
		if (system.strip().matches("[0-9a-fA-F-]{36}")) {
			return system.strip();
		}
		java.util.List<String> matches = new java.util.ArrayList<>();
		String after = null;
		do {
			Map<String, String> query = new java.util.LinkedHashMap<>();
			query.put("q", system.strip());
			query.put("limit", "500");
			query.put("after", after);
			JsonNode page = get("/api/v1/ai-systems", query);
			page.get("items").forEach(s -> {
				if (s.get("name").asString().equalsIgnoreCase(system.strip())) {
					matches.add(s.get("id").asString());
				}
			});
			after = page.hasNonNull("next") ? page.get("next").asString() : null;
		}
		while (after != null);
		if (matches.size() != 1) {
			throw new IOException(matches.isEmpty() ? "no AI system is named '" + system + "'"
					: matches.size() + " AI systems are named '" + system + "'; give its id");
		}
		return matches.get(0);
	}

	JsonNode get(String path, Map<String, String> query) throws IOException, InterruptedException {
		return send(request(path + queryString(query)).GET());
	}

	JsonNode post(String path, Object body) throws IOException, InterruptedException {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	JsonNode postBytes(String path, String contentType, byte[] body) throws IOException, InterruptedException {
		return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	/** A part of a multipart/form-data body: a form field, or a file when {@code fileName} is given. */
	record Part(String name, String fileName, String contentType, byte[] content) {

		static Part field(String name, String value) {
			return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
		}

		/** Adds the field {@code name} when {@code value} says something (stripped). */
		static void addOptional(java.util.List<Part> parts, String name, String value) {
			if (value != null && !value.isBlank()) {
				parts.add(field(name, value.strip()));
			}
		}
	}

	/** Posts a multipart/form-data body (RFC 7578), as a browser's file upload does. */
	JsonNode postMultipart(String path, java.util.List<Part> parts) throws IOException, InterruptedException {
		String boundary = "aims-" + java.util.UUID.randomUUID();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		for (Part part : parts) {
			StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
				.append("Content-Disposition: form-data; name=\"").append(quoted(part.name())).append('"');
			if (part.fileName() != null) {
				head.append("; filename=\"").append(quoted(part.fileName())).append('"');
			}
			head.append("\r\n");
			if (part.contentType() != null) {
				head.append("Content-Type: ").append(part.contentType()).append("\r\n");
			}
			head.append("\r\n");
			body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
			body.writeBytes(part.content());
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/** A name inside a quoted header parameter: quotes and line breaks would end it early. */
	private static String quoted(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", " ").replace("\n", " ");
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server + path))
			.timeout(Duration.ofMinutes(2))
			.header("Accept", "application/json");
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	/** The body of a GET as text, unparsed (a download). */
	String getText(String path) throws IOException, InterruptedException {
		return sendText(request(path).GET());
	}

	private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
		String body = sendText(request);
		return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
	}

	private String sendText(HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpResponse<String> response;
		try {
			response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (java.net.ConnectException e) {
			throw new IOException("cannot reach " + server + " (is the server running?)");
		}
		String body = response.body();
		if (response.statusCode() >= 400) {
			throw new ApiException(response.statusCode(), describe(response.statusCode(), body));
		}
		return body;
	}

	/** A request the server refused, with its status. */
	static final class ApiException extends IOException {

		private final int status;

		ApiException(int status, String message) {
			super(message);
			this.status = status;
		}

		int status() {
			return status;
		}
	}

	static String describe(int status, String body) {
		try {
			JsonNode problem = JSON.readTree(body);
			if (problem.hasNonNull("detail")) {
				return "HTTP " + status + ": " + problem.get("detail").asString();
			}
		}
		catch (RuntimeException notJson) {
			// fall through to the status alone
		}
		return "HTTP " + status;
	}

	private static String queryString(Map<String, String> query) {
		StringJoiner joined = new StringJoiner("&", "?", "").setEmptyValue("");
		query.forEach((key, value) -> {
			if (value != null) {
				joined.add(URLEncoder.encode(key, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
			}
		});
		return joined.toString();
	}
}
