package org.openaims.web;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.openaims.AimsTest;
import org.openaims.Api;
import org.openaims.TestUsers;
import org.openaims.TestUsers.TestUser;
import org.openaims.identity.Role;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Drives every JSON write endpoint of the API (every POST, PUT and PATCH of {@code /v3/api-docs} that
 * takes a JSON body) with bodies the fuzzer builds from the endpoint's own field names: NUL
 * characters, deep nesting, huge and fractional numbers, unknown enum values, dates far out, wrong
 * types, duplicated and unknown fields. Whatever arrives, the answer is never a 5xx. Runs the stored
 * inputs in normal test runs; fuzzes with {@code JAZZER_FUZZ=1}.
 */
@AimsTest
class JsonEndpointFuzzTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	private static TestUser admin;

	private static List<Endpoint> endpoints;

	private static List<String> ids;

	/** A JSON write endpoint and the field names its body schema knows. */
	record Endpoint(String method, String path, List<String> fields) {
	}

	@FuzzTest(maxDuration = "60s")
	void noJsonBodyMakesAWriteEndpointAnswerWithAServerError(FuzzedDataProvider data) throws Exception {
		prepare();
		Endpoint endpoint = endpoints.get(data.consumeInt(0, endpoints.size() - 1));
		String path = endpoint.path();
		while (path.contains("{")) {
			String value = data.consumeBoolean() ? ids.get(data.consumeInt(0, ids.size() - 1)) : data.consumeString(40);
			path = path.replaceFirst("\\{[^}]+}", java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
		}
		StringBuilder body = new StringBuilder();
		value(body, data, endpoint.fields(), 0, true);
		MockMvcTester.MockMvcRequestBuilder request = switch (endpoint.method()) {
			case "PUT" -> mvc.put().uri(path);
			case "PATCH" -> mvc.patch().uri(path);
			default -> mvc.post().uri(path);
		};
		MvcTestResult result = request.header("Authorization", admin.bearer()).contentType(MediaType.APPLICATION_JSON)
			.content(body.toString().getBytes(StandardCharsets.UTF_8)).exchange();
		int status = result.getResponse().getStatus();
		if (status >= 500) {
			throw new AssertionError(endpoint.method() + " " + path + " answered " + status + " to " + abbreviate(body.toString())
					+ ": " + abbreviate(result.getResponse().getContentAsString(StandardCharsets.UTF_8)));
		}
	}

	private void prepare() {
		if (endpoints != null) {
			return;
		}
		admin = users.create(Role.ADMIN);
		JsonNode docs = api.body(api.get(admin, "/v3/api-docs"), HttpStatus.OK);
		List<Endpoint> found = new ArrayList<>();
		docs.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
			JsonNode content = method.getValue().path("requestBody").path("content").path("application/json");
			if (!content.isMissingNode() && Set.of("post", "put", "patch").contains(method.getKey())
					&& !path.getKey().contains("key-rotations")) {
				Set<String> fields = new LinkedHashSet<>();
				collect(docs, content.path("schema"), fields, 0);
				found.add(new Endpoint(method.getKey().toUpperCase(), path.getKey(), List.copyOf(fields)));
			}
		}));
		endpoints = List.copyOf(found);
		// Ids of records that exist, so bodies reach the checks behind "not found".
		List<String> known = new ArrayList<>(List.of(UUID.randomUUID().toString(), "AI_SYSTEM", "1"));
		known.add(api.body(api.post(admin, "/api/v1/vendors", Map.of("name", "Fuzz vendor", "dueDiligenceStatus", "IN_PROGRESS")),
				HttpStatus.CREATED).get("id").asString());
		known.add(api.body(api.post(admin, "/api/v1/ai-systems", Map.of("name", "Fuzz system", "intendedPurpose", "x",
				"organizationRoles", List.of("DEPLOYER"), "lifecycleStage", "IDEA", "riskTier", "LOW", "owner", admin.username())),
				HttpStatus.CREATED).get("id").asString());
		known.add(api.body(api.post(admin, "/api/v1/policies", Map.of("title", "Fuzz policy", "owner", admin.username(),
				"reviewIntervalMonths", 12, "approvalsRequired", 1, "body", "text")), HttpStatus.CREATED).get("id").asString());
		known.add(api.body(api.post(admin, "/api/v1/objectives", Map.of("title", "Fuzz objective", "measure", "m", "target", "t",
				"owner", admin.username(), "dueDate", "2027-01-01")), HttpStatus.CREATED).get("id").asString());
		known.add(api.body(api.post(admin, "/api/v1/concerns", Map.of("summary", "Fuzz", "description", "d")), HttpStatus.CREATED)
			.get("id").asString());
		ids = List.copyOf(known);
	}

	private static void collect(JsonNode docs, JsonNode schema, Set<String> fields, int depth) {
		if (depth > 6 || schema == null || schema.isMissingNode()) {
			return;
		}
		if (schema.has("$ref")) {
			String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
			collect(docs, docs.path("components").path("schemas").path(name), fields, depth + 1);
			return;
		}
		JsonNode properties = schema.path("properties");
		Iterator<Map.Entry<String, JsonNode>> it = properties.properties().iterator();
		while (it.hasNext()) {
			Map.Entry<String, JsonNode> property = it.next();
			fields.add(property.getKey());
			collect(docs, property.getValue(), fields, depth + 1);
		}
		collect(docs, schema.path("items"), fields, depth + 1);
	}

	/** Appends a fuzzer-chosen JSON value; at the top an object of the endpoint's fields, mostly. */
	private static void value(StringBuilder out, FuzzedDataProvider data, List<String> fields, int depth, boolean top) {
		int kind = top && data.consumeInt(0, 9) < 8 ? 0 : data.consumeInt(0, 11);
		if (depth > 30) {
			kind = 3;
		}
		switch (kind) {
			case 0 -> {
				out.append('{');
				int n = data.consumeInt(0, Math.min(12, fields.size() + 2));
				for (int i = 0; i < n; i++) {
					if (i > 0) {
						out.append(',');
					}
					String name = fields.isEmpty() || data.consumeInt(0, 9) == 0 ? data.consumeString(12)
							: fields.get(data.consumeInt(0, fields.size() - 1));
					string(out, name);
					out.append(':');
					value(out, data, fields, depth + 1, false);
				}
				out.append('}');
			}
			case 1 -> {
				out.append('[');
				int n = data.consumeInt(0, 4);
				for (int i = 0; i < n; i++) {
					if (i > 0) {
						out.append(',');
					}
					value(out, data, fields, depth + 1, false);
				}
				out.append(']');
			}
			case 2 -> string(out, data.consumeString(60));
			case 3 -> out.append(data.pickValue(new String[] { "null", "true", "false", "0", "-1", "1e400", "-1e400", "1.5",
					"99999999999999999999999999", "2147483648", "-9223372036854775809", "0.000000000000000000001" }));
			case 4 -> string(out, data.pickValue(new String[] { "bad\u0000nul", "\u0000", "IN_PROGRESS", "ADMIN", "NOT_A_VALUE",
					"A.6.2.8", "2026-13-45", "0001-01-01", "9999-12-31", "1899-12-31", "+20226-01-01", "2026-01-01T25:00:00Z",
					"urn:x", "", " ", "../../etc/passwd", "'=1+1", "<script>alert(1)</script>", "\uD800", "\uFFFF" }));
			case 5 -> out.append("[".repeat(data.consumeInt(1, 2000))).append("]".repeat(0));
			case 6 -> out.append(new BigInteger(1, data.consumeBytes(40)));
			case 7 -> string(out, UUID.nameUUIDFromBytes(data.consumeBytes(4)).toString());
			case 8 -> out.append(data.consumeInt());
			case 9 -> out.append(data.consumeLong()).append('.').append(Math.abs(data.consumeInt()));
			case 10 -> out.append(data.consumeString(30));
			default -> {
				int deep = data.consumeInt(1, 3000);
				out.append("{\"a\":".repeat(deep)).append("1").append("}".repeat(deep));
			}
		}
	}

	private static void string(StringBuilder out, String text) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		out.append('"');
	}

	private static String abbreviate(String text) {
		return text.length() > 400 ? text.substring(0, 400) + "…" : text;
	}
}
